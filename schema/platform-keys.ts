import { createPublicKey, type JsonWebKey, type KeyObject } from "node:crypto";
import type { JWK } from "jose";

/**
 * The platform's public keys as every unit reads them (the gateway publishes this file in
 * the data dir): to verify the gateway's assertions and the audit log's checkpoints, never
 * to sign. Rotation adds a key; retirement keeps its public half — old checkpoints still
 * verify — but no credential signed with it is accepted any more.
 */
export const PUBLIC_KEY_FILE = "platform-key.pub.json";
export const PLATFORM_KEY_ALG = "ES256";

export interface PublicKeyEntry {
  readonly kid: string;
  readonly alg: string;
  readonly publicJwk: JWK;
  /** Retired keys verify old signatures (audit checkpoints) but no credential. */
  readonly retired: boolean;
}

/** Version 2 lists every key; version 1 (the first data dirs) held exactly one. */
export interface PublicKeyringFile {
  readonly version: 2;
  readonly keys: readonly PublicKeyEntry[];
}

/** The keys a verifier accepts, by `kid`. */
export interface VerificationKeys {
  /** A key that may sign credentials (tokens, assertions) now; null when unknown or retired. */
  credentialKey(kid: string): KeyObject | null;
  /** Any key the platform ever used, retired or not: for signatures over history. */
  historyKey(kid: string): KeyObject | null;
}

/** Reads the public keyring file, either version; throws on anything else. */
export function parsePublicKeyring(text: string): ReadonlyMap<string, { key: KeyObject; retired: boolean }> {
  const json = JSON.parse(text) as Partial<PublicKeyringFile> & Partial<PublicKeyEntry>;
  const entries: PublicKeyEntry[] = json.version === 2 && Array.isArray(json.keys) ? [...json.keys] : [{ ...(json as PublicKeyEntry), retired: false }];
  const keys = new Map<string, { key: KeyObject; retired: boolean }>();
  for (const entry of entries) {
    if (typeof entry.kid !== "string" || entry.alg !== PLATFORM_KEY_ALG || !entry.publicJwk) throw new Error("not a platform public keyring");
    keys.set(entry.kid, { key: createPublicKey({ key: entry.publicJwk as JsonWebKey, format: "jwk" }), retired: entry.retired === true });
  }
  return keys;
}

/**
 * A JWS key resolver over the keys a credential may be signed with: the key its header's
 * `kid` names, or a throw (`refuse`) when that key is unknown or retired.
 */
export function credentialKeyResolver(keys: VerificationKeys, refuse: () => Error): (header: { kid?: string }) => KeyObject {
  return (header) => {
    const key = header.kid === undefined ? null : keys.credentialKey(header.kid);
    if (!key) throw refuse();
    return key;
  };
}
