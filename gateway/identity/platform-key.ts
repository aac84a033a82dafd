import { createPrivateKey, createPublicKey, randomUUID, type JsonWebKey, type KeyObject } from "node:crypto";
import { closeSync, existsSync, linkSync, openSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { privateDir } from "../../storage/private-files.js";
import { join } from "node:path";
import { exportJWK, generateKeyPair, type JWK } from "jose";
import { PLATFORM_KEY_ALG, PUBLIC_KEY_FILE, type PublicKeyringFile, type VerificationKeys } from "../../schema/platform-keys.js";
import { WatchedFile } from "../../storage/watched-file.js";

export { PLATFORM_KEY_ALG, PUBLIC_KEY_FILE };
const FILE = "platform-key.json";

/** The platform's current signing key: it signs tokens (Art. 24), assertions to subgraphs and audit checkpoints. */
export interface PlatformKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly publicJwk: JWK;
}

interface StoredKey {
  readonly kid: string;
  readonly alg: string;
  /** Dropped on retirement: a retired key never signs again. */
  readonly privateJwk?: JWK;
  readonly publicJwk: JWK;
  readonly createdAt: string;
  readonly retiredAt?: string;
}

/** Version 2: every key the platform has had; version 1 (the first data dirs) was one StoredKey. */
interface KeyringFile {
  readonly version: 2;
  readonly current: string;
  readonly keys: readonly StoredKey[];
}

export interface KeyListing {
  readonly kid: string;
  readonly createdAt: string;
  readonly status: "current" | "verifying" | "retired";
}

/**
 * The keyring as read at one moment. A request reads it once (authenticate) and uses that
 * for its credential and for every assertion it signs: one stat of the file per request,
 * not one per subgraph fetch.
 */
export class KeyringView implements VerificationKeys {
  constructor(
    readonly file: KeyringFile,
    /** The key that signs now. */
    readonly current: PlatformKey,
    private readonly keys: ReadonlyMap<string, { readonly key: KeyObject; readonly retired: boolean }>,
  ) {}

  credentialKey(kid: string): KeyObject | null {
    const entry = this.keys.get(kid);
    return entry && !entry.retired ? entry.key : null;
  }

  historyKey(kid: string): KeyObject | null {
    return this.keys.get(kid)?.key ?? null;
  }
}

/**
 * The platform keyring in the data dir, re-read whenever `ecofed key rotate` or `retire`
 * rewrites it: the current key signs; every unretired key verifies (tokens issued before a
 * rotation keep working until their key is retired); retired keys verify history only.
 */
export class PlatformKeyring implements VerificationKeys {
  private readonly file: WatchedFile<KeyringView>;

  constructor(readonly dataDir: string) {
    this.file = new WatchedFile(join(dataDir, FILE), (text) => load(parseKeyring(text, join(dataDir, FILE))));
  }

  current(): PlatformKey {
    return this.now().current;
  }

  credentialKey(kid: string): KeyObject | null {
    return this.now().credentialKey(kid);
  }

  historyKey(kid: string): KeyObject | null {
    return this.now().historyKey(kid);
  }

  list(): KeyListing[] {
    const { file } = this.now();
    return file.keys.map((k) => ({ kid: k.kid, createdAt: k.createdAt, status: k.retiredAt ? "retired" : k.kid === file.current ? "current" : "verifying" }));
  }

  /** The keyring as the file holds it now (re-read if it changed). */
  now(): KeyringView {
    const value = this.file.read();
    // Fail closed: without a readable keyring nothing is signed or verified.
    if (value instanceof Error) {
      throw (value as NodeJS.ErrnoException).code ? new Error(`platform key ${this.file.path} is unreadable (${value.message}); restore it from backup`) : value;
    }
    return value;
  }
}

/** The keyring of a data dir, its first key created atomically if there is none (two processes starting at once get the same key). */
export async function openPlatformKeyring(dataDir: string): Promise<PlatformKeyring> {
  const path = join(dataDir, FILE);
  if (!existsSync(path)) {
    privateDir(dataDir);
    const key = await newKey();
    const first: KeyringFile = { version: 2, current: key.kid, keys: [key] };
    const text = JSON.stringify(first, null, 2);
    const temp = tempName(path);
    writeFileSync(temp, text, { mode: 0o600, flag: "wx" });
    try {
      linkSync(temp, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      unlinkSync(temp);
    }
  }
  const keyring = new PlatformKeyring(dataDir);
  keyring.current();
  publish(dataDir, parseKeyring(readFileSync(path, "utf8"), path));
  return keyring;
}

/** The current signing key of a data dir (created if missing). */
export async function loadOrCreatePlatformKey(dataDir: string): Promise<PlatformKey> {
  return (await openPlatformKeyring(dataDir)).current();
}

/** `ecofed key rotate`: a new current key; the previous ones keep verifying until retired. */
export async function rotatePlatformKey(dataDir: string): Promise<string> {
  await openPlatformKeyring(dataDir);
  const key = await newKey();
  changeKeyring(dataDir, (file) => ({ version: 2, current: key.kid, keys: [...file.keys, key] }));
  return key.kid;
}

/** `ecofed key retire <kid>`: nothing signed with it is accepted any more; its public half stays for history. */
export function retirePlatformKey(dataDir: string, kid: string): void {
  changeKeyring(dataDir, (file) => {
    const target = file.keys.find((k) => k.kid === kid);
    if (!target) throw new Error(`no platform key "${kid}"; see ecofed key list`);
    if (kid === file.current) throw new Error(`key "${kid}" is the current signing key; rotate first`);
    if (target.retiredAt) throw new Error(`key "${kid}" is already retired`);
    return {
      ...file,
      keys: file.keys.map((k) => (k.kid === kid ? { kid: k.kid, alg: k.alg, publicJwk: k.publicJwk, createdAt: k.createdAt, retiredAt: new Date().toISOString() } : k)),
    };
  });
}

/** Rewrites the keyring under a lock file (two admins at once must not lose a key), then republishes the public half. */
function changeKeyring(dataDir: string, change: (file: KeyringFile) => KeyringFile): void {
  const path = join(dataDir, FILE);
  const lock = `${path}.lock`;
  let fd: number;
  try {
    fd = openSync(lock, "wx");
  } catch {
    throw new Error(`another key change holds ${lock}; remove it if no ecofed key command is running`);
  }
  try {
    const next = change(parseKeyring(readFileSync(path, "utf8"), path));
    const temp = tempName(path);
    writeFileSync(temp, JSON.stringify(next, null, 2), { mode: 0o600, flag: "wx" });
    renameSync(temp, path);
    publish(dataDir, next);
  } finally {
    closeSync(fd);
    unlinkSync(lock);
  }
}

/** Writes the public keyring for the units if it is missing or stale (renamed into place: atomic). */
function publish(dataDir: string, file: KeyringFile): void {
  const path = join(dataDir, PUBLIC_KEY_FILE);
  const pub: PublicKeyringFile = {
    version: 2,
    keys: file.keys.map((k) => ({ kid: k.kid, alg: k.alg, publicJwk: k.publicJwk, retired: k.retiredAt !== undefined })),
  };
  const text = JSON.stringify(pub, null, 2);
  let current: string | null;
  try {
    current = readFileSync(path, "utf8");
  } catch {
    current = null;
  }
  if (current === text) return;
  const temp = tempName(path);
  writeFileSync(temp, text, { mode: 0o644 });
  renameSync(temp, path);
}

async function newKey(): Promise<StoredKey> {
  const pair = await generateKeyPair(PLATFORM_KEY_ALG, { extractable: true });
  return {
    kid: randomUUID(),
    alg: PLATFORM_KEY_ALG,
    privateJwk: await exportJWK(pair.privateKey),
    publicJwk: await exportJWK(pair.publicKey),
    createdAt: new Date().toISOString(),
  };
}

function parseKeyring(text: string, path: string): KeyringFile {
  let file: KeyringFile;
  try {
    const json = JSON.parse(text) as Partial<KeyringFile> & Partial<StoredKey>;
    file = json.version === 2 ? (json as KeyringFile) : { version: 2, current: String(json.kid), keys: [json as StoredKey] };
    const current = file.keys.find((k) => k.kid === file.current);
    if (!current?.privateJwk || file.keys.some((k) => k.alg !== PLATFORM_KEY_ALG || !k.kid || !k.publicJwk)) throw new Error("missing fields");
  } catch (error) {
    throw new Error(`platform key ${path} is unreadable (${(error as Error).message}); restore it from backup`);
  }
  return file;
}

function load(file: KeyringFile): KeyringView {
  const keys = new Map(file.keys.map((k) => [k.kid, { key: createPublicKey({ key: k.publicJwk as JsonWebKey, format: "jwk" }), retired: k.retiredAt !== undefined }]));
  const stored = file.keys.find((k) => k.kid === file.current)!;
  const current: PlatformKey = {
    kid: stored.kid,
    privateKey: createPrivateKey({ key: stored.privateJwk as JsonWebKey, format: "jwk" }),
    publicKey: keys.get(stored.kid)!.key,
    publicJwk: stored.publicJwk,
  };
  return new KeyringView(file, current, keys);
}

function tempName(path: string): string {
  return `${path}.${process.pid}.${randomUUID()}.tmp`;
}
