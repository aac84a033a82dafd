import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { baseConfig, knownUnits } from "../../gateway/config.js";
import { caPaths, initCa, issueCertificate, revokeCertificate, wasIssued } from "../../gateway/identity/platform-ca.js";
import { requesterProblem } from "../../gateway/identity/token.js";
import { CliError } from "../cli-error.js";

/** `ecofed ca init`: the platform CA in the data dir (kept if it exists). */
export async function caCommand(args: string[]): Promise<void> {
  const [sub] = args;
  if (sub !== "init") throw new CliError("usage: ecofed ca init", 2);
  const dataDir = baseConfig(process.env).dataDir;
  const { created } = await initCa(dataDir);
  console.log(`ecofed: platform CA ${created ? "created" : "already exists"}: ${caPaths(dataDir).cert}`);
}

/** `ecofed cert issue --unit U --principal P [--role R]… [--days N] [--out DIR]` and `ecofed cert revoke SERIAL`. */
export async function certCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  const config = baseConfig(process.env);
  const dataDir = config.dataDir;
  if (sub === "issue") {
    const { values } = parseArgs({
      args: rest,
      options: { unit: { type: "string" }, principal: { type: "string" }, role: { type: "string", multiple: true }, days: { type: "string" }, out: { type: "string" } },
    });
    if (!values.unit || !values.principal) throw new CliError("--unit <code> and --principal <name> are required", 2);
    const days = values.days === undefined ? 365 : Number(values.days);
    if (!Number.isInteger(days) || days < 1 || days > 3650) throw new CliError(`--days must be a whole number from 1 to 3650, got "${values.days}"`);
    const requester = { unit: values.unit, principal: values.principal, roles: values.role ?? [] };
    const problem = requesterProblem(requester, knownUnits(config));
    if (problem) throw new CliError(problem);
    const issued = await issueCertificate(dataDir, { requester, days }).catch((error: unknown) => {
      throw new CliError((error as Error).message);
    });
    const out = resolve(values.out ?? join(dataDir, "certs"));
    mkdirSync(out, { recursive: true });
    const keyFile = join(out, `${issued.serial}.key.pem`);
    const certFile = join(out, `${issued.serial}.cert.pem`);
    writeFileSync(keyFile, issued.keyPem, { mode: 0o600, flag: "wx" });
    writeFileSync(certFile, issued.certPem, { flag: "wx" });
    console.log(`ecofed: issued serial ${issued.serial} to ${values.principal} of ${values.unit}: ${certFile} ${keyFile}`);
    return;
  }
  if (sub === "revoke") {
    const serial = rest[0];
    if (!serial || !/^[0-9a-fA-F]{2,40}$/.test(serial)) throw new CliError("usage: ecofed cert revoke <serial (hex)>", 2);
    // A typo revoked nothing and said "revoked": the certificate meant stayed valid.
    if (wasIssued(dataDir, serial) === false) throw new CliError(`this CA issued no certificate with serial ${serial.toLowerCase()}; nothing revoked`);
    const added = (() => {
      try {
        return revokeCertificate(dataDir, serial);
      } catch (error) {
        throw new CliError((error as Error).message);
      }
    })();
    console.log(`ecofed: serial ${serial.toLowerCase()} ${added ? "revoked" : "was already revoked"}; the gateway refuses it from its next request`);
    return;
  }
  throw new CliError("usage: ecofed cert issue --unit <code> --principal <name> [--role <role>]… [--days N] | ecofed cert revoke <serial>", 2);
}
