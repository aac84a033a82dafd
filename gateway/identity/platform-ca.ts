// @peculiar/x509 resolves its services through tsyringe, which needs the reflect polyfill first.
import "reflect-metadata";
import { randomBytes, randomUUID, webcrypto } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as x509 from "@peculiar/x509";
import type { Requester } from "../../directives/share/evaluate.js";

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

const KEY_ALG = { name: "ECDSA", namedCurve: "P-256" } as const;
const SIGN_ALG = { name: "ECDSA", hash: "SHA-256" } as const;
const UNIT_URN = "urn:ecofed:unit:";
const ROLE_URN = "urn:ecofed:role:";

/** Where the platform CA keeps its files inside the data dir. */
export function caPaths(dataDir: string) {
  const dir = join(dataDir, "ca");
  return { dir, key: join(dir, "ca-key.pem"), cert: join(dir, "ca-cert.pem"), revoked: join(dir, "revoked.json"), issued: join(dir, "issued.ndjson") };
}

/**
 * Creates the platform CA (Art. 24: identity from the unified certificate system) unless
 * it exists: an ECDSA P-256 key and a self-signed CA certificate. Written to a temp dir
 * and renamed into place, so a CA is either whole or absent.
 */
export async function initCa(dataDir: string, years = 10): Promise<{ created: boolean; certPem: string }> {
  const paths = caPaths(dataDir);
  if (existsSync(paths.cert)) return { created: false, certPem: readFileSync(paths.cert, "utf8") };
  const keys = (await webcrypto.subtle.generateKey(KEY_ALG, true, ["sign", "verify"])) as webcrypto.CryptoKeyPair;
  const notBefore = new Date(Date.now() - 60_000);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomBytes(8).toString("hex"),
    name: "CN=ecofed platform CA, O=ecofed",
    notBefore,
    notAfter: new Date(notBefore.getTime() + years * 365 * 86_400_000),
    keys,
    signingAlgorithm: SIGN_ALG,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  const temp = join(dataDir, `ca.${randomUUID()}.tmp`);
  mkdirSync(temp, { recursive: true });
  writeFileSync(join(temp, "ca-key.pem"), pem("PRIVATE KEY", await webcrypto.subtle.exportKey("pkcs8", keys.privateKey)), { mode: 0o600 });
  writeFileSync(join(temp, "ca-cert.pem"), cert.toString("pem"));
  writeFileSync(join(temp, "revoked.json"), "[]\n");
  writeFileSync(join(temp, "issued.ndjson"), "", { mode: 0o600 });
  try {
    renameSync(temp, paths.dir);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    if (existsSync(paths.cert)) return { created: false, certPem: readFileSync(paths.cert, "utf8") };
    throw error;
  }
  return { created: true, certPem: cert.toString("pem") };
}

export interface IssueOptions {
  readonly requester: Requester;
  readonly days: number;
  /** For the gateway's own server certificate. */
  readonly server?: { readonly dnsNames: readonly string[]; readonly ips: readonly string[] };
  /** Tests only: a validity window in the past or future. */
  readonly notBefore?: Date;
}

export interface IssuedCertificate {
  readonly serial: string;
  readonly keyPem: string;
  readonly certPem: string;
}

/** Issues a certificate signed by the platform CA: the unit and roles ride in its SAN URIs. */
export async function issueCertificate(dataDir: string, options: IssueOptions): Promise<IssuedCertificate> {
  const paths = caPaths(dataDir);
  if (!existsSync(paths.cert)) throw new Error(`no platform CA in ${paths.dir}; run: ecofed ca init`);
  const caCert = new x509.X509Certificate(readFileSync(paths.cert, "utf8"));
  const caKey = await webcrypto.subtle.importKey("pkcs8", unpem(readFileSync(paths.key, "utf8")), KEY_ALG, false, ["sign"]);
  const keys = (await webcrypto.subtle.generateKey(KEY_ALG, true, ["sign", "verify"])) as webcrypto.CryptoKeyPair;
  const serial = randomBytes(8).toString("hex").replace(/^0/, "1");
  const notBefore = options.notBefore ?? new Date(Date.now() - 60_000);
  const { requester, server } = options;
  const names: x509.JsonGeneralName[] = [
    { type: "url", value: `${UNIT_URN}${requester.unit}` },
    ...requester.roles.map((role) => ({ type: "url" as const, value: `${ROLE_URN}${role}` })),
    ...(server?.dnsNames ?? []).map((value) => ({ type: "dns" as const, value })),
    ...(server?.ips ?? []).map((value) => ({ type: "ip" as const, value })),
  ];
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial,
    subject: `CN=${escapeDn(requester.principal)}, OU=${escapeDn(requester.unit)}, O=ecofed`,
    issuer: caCert.subject,
    notBefore,
    notAfter: new Date(notBefore.getTime() + options.days * 86_400_000),
    publicKey: keys.publicKey,
    signingKey: caKey,
    signingAlgorithm: SIGN_ALG,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([server ? x509.ExtendedKeyUsage.serverAuth : x509.ExtendedKeyUsage.clientAuth]),
      new x509.SubjectAlternativeNameExtension(names),
      await x509.AuthorityKeyIdentifierExtension.create(caCert),
    ],
  });
  const issued = { serial, unit: requester.unit, principal: requester.principal, notAfter: cert.notAfter.toISOString() };
  // Appended (one short write with O_APPEND): two `cert issue` at once both stay in the register.
  appendFileSync(paths.issued, `${JSON.stringify(issued)}\n`, { mode: 0o600 });
  return { serial, keyPem: pem("PRIVATE KEY", await webcrypto.subtle.exportKey("pkcs8", keys.privateKey)), certPem: cert.toString("pem") };
}

/**
 * Whether this CA issued `serial`, from its register; null for a CA made before it kept one
 * (nothing can be said, so nothing is refused).
 */
export function wasIssued(dataDir: string, serial: string): boolean | null {
  const paths = caPaths(dataDir);
  if (!existsSync(paths.issued)) return null;
  const normal = serial.toLowerCase();
  return readFileSync(paths.issued, "utf8")
    .split("\n")
    .some((line) => line !== "" && (JSON.parse(line) as { serial: string }).serial === normal);
}

/** The requester a certificate names (its chain and dates already checked by TLS). */
export function requesterFromCertificate(der: Buffer): Requester | null {
  const cert = new x509.X509Certificate(der);
  const san = cert.getExtension(x509.SubjectAlternativeNameExtension);
  const urls = (san?.names.toJSON() ?? []).filter((n) => n.type === "url").map((n) => n.value);
  const unit = urls.find((u) => u.startsWith(UNIT_URN))?.slice(UNIT_URN.length);
  const principal = cert.subjectName.getField("CN")[0];
  if (!unit || !principal) return null;
  return { unit, principal, roles: urls.filter((u) => u.startsWith(ROLE_URN)).map((u) => u.slice(ROLE_URN.length)) };
}

/** Adds a serial to the revocation list (rewritten atomically); the gateway picks it up without restart. */
export function revokeCertificate(dataDir: string, serial: string): boolean {
  const paths = caPaths(dataDir);
  if (!existsSync(paths.revoked)) throw new Error(`no platform CA in ${paths.dir}; run: ecofed ca init`);
  const list = JSON.parse(readFileSync(paths.revoked, "utf8")) as string[];
  const normal = serial.toLowerCase();
  if (list.includes(normal)) return false;
  const temp = `${paths.revoked}.${randomUUID()}.tmp`;
  writeFileSync(temp, `${JSON.stringify([...list, normal], null, 2)}\n`);
  renameSync(temp, paths.revoked);
  return true;
}

function pem(label: string, der: ArrayBuffer): string {
  const b64 = Buffer.from(der).toString("base64").replace(/(.{64})/g, "$1\n");
  return `-----BEGIN ${label}-----\n${b64.trimEnd()}\n-----END ${label}-----\n`;
}

function unpem(text: string): Buffer {
  return Buffer.from(text.replace(/-----[A-Z ]+-----/g, "").replace(/\s+/g, ""), "base64");
}

function escapeDn(value: string): string {
  return value.replace(/([,+"\\<>;=])/g, "\\$1");
}
