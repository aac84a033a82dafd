import { randomUUID } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { exportJWK, generateKeyPair, importJWK, type JWK, type CryptoKey } from "jose";

export const PLATFORM_KEY_ALG = "ES256";
const FILE = "platform-key.json";
/** The public half alone, for the units: they verify the gateway's assertions, never sign. */
export const PUBLIC_KEY_FILE = "platform-key.pub.json";

/** The platform's signing key: it signs tokens (Art. 24) and the gateway's assertions to subgraphs. */
export interface PlatformKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  readonly publicJwk: JWK;
}

interface StoredKey {
  readonly kid: string;
  readonly alg: string;
  readonly privateJwk: JWK;
  readonly publicJwk: JWK;
  readonly createdAt: string;
}

/**
 * The platform key kept in the data dir, created on first use. Creation is atomic: the key
 * is written to a private temp file and hard-linked into place, so two processes starting
 * at once end up with the same key, and nobody ever reads a half-written file.
 */
export async function loadOrCreatePlatformKey(dataDir: string): Promise<PlatformKey> {
  const path = join(dataDir, FILE);
  const existing = readStored(path);
  if (existing) return publish(dataDir, await toKey(existing));
  mkdirSync(dataDir, { recursive: true });
  const pair = await generateKeyPair(PLATFORM_KEY_ALG, { extractable: true });
  const stored: StoredKey = {
    kid: randomUUID(),
    alg: PLATFORM_KEY_ALG,
    privateJwk: await exportJWK(pair.privateKey),
    publicJwk: await exportJWK(pair.publicKey),
    createdAt: new Date().toISOString(),
  };
  const temp = `${path}.${process.pid}.${randomUUID()}.tmp`;
  writeFileSync(temp, JSON.stringify(stored, null, 2), { mode: 0o600, flag: "wx" });
  try {
    linkSync(temp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    unlinkSync(temp);
  }
  return publish(dataDir, await toKey(readStored(path)!));
}

/** Writes the public key file if it is missing or stale (renamed into place: atomic). */
function publish(dataDir: string, key: PlatformKey): PlatformKey {
  const path = join(dataDir, PUBLIC_KEY_FILE);
  const text = JSON.stringify({ kid: key.kid, alg: PLATFORM_KEY_ALG, publicJwk: key.publicJwk }, null, 2);
  let current: string | null = null;
  try {
    current = readFileSync(path, "utf8");
  } catch {
    current = null;
  }
  if (current !== text) {
    const temp = `${path}.${process.pid}.${randomUUID()}.tmp`;
    writeFileSync(temp, text, { mode: 0o644 });
    renameSync(temp, path);
  }
  return key;
}

/** The platform's public key as the units read it. */
export async function loadPlatformPublicKey(dataDir: string): Promise<{ kid: string; publicKey: CryptoKey }> {
  const path = join(dataDir, PUBLIC_KEY_FILE);
  const stored = JSON.parse(readFileSync(path, "utf8")) as { kid: string; alg: string; publicJwk: JWK };
  return { kid: stored.kid, publicKey: (await importJWK(stored.publicJwk, PLATFORM_KEY_ALG)) as CryptoKey };
}

function readStored(path: string): StoredKey | null {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  try {
    const stored = JSON.parse(text) as StoredKey;
    if (stored.alg !== PLATFORM_KEY_ALG || !stored.kid || !stored.privateJwk) throw new Error("missing fields");
    return stored;
  } catch (error) {
    throw new Error(`platform key ${path} is unreadable (${(error as Error).message}); restore it from backup`);
  }
}

async function toKey(stored: StoredKey): Promise<PlatformKey> {
  return {
    kid: stored.kid,
    privateKey: (await importJWK(stored.privateJwk, PLATFORM_KEY_ALG)) as CryptoKey,
    publicKey: (await importJWK(stored.publicJwk, PLATFORM_KEY_ALG)) as CryptoKey,
    publicJwk: stored.publicJwk,
  };
}
