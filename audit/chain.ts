import * as crypto from "node:crypto";
import type { AccessEvent } from "./access-event.js";

// One-shot hashing (Node ≥ 20.12) makes no Hash object per record: ~1.7 µs instead of ~2.5
// (measured). Same bytes in, same digest out: the chain is unchanged.
const sha256Hex: (text: string) => string =
  typeof crypto.hash === "function" ? (text) => crypto.hash("sha256", text) : (text) => crypto.createHash("sha256").update(text).digest("hex");

/** The hash before the first record. */
export const GENESIS_HASH = "0".repeat(64);

/**
 * A record's hash: over the previous hash, its number and every field in a fixed order, so
 * an edit, a deletion or a reordering anywhere breaks every hash after it (tamper evidence).
 */
export function recordHash(prevHash: string, id: number, e: AccessEvent): string {
  const fields = [
    e.at, e.requestId, e.unit, e.principal, e.purpose, e.coordinate, e.owner, e.shareClass, e.decision,
    e.reason, e.grantId, e.operationName, e.operationHash, e.clientName, e.clientVersion, e.valueCount, e.policyVersion,
  ];
  return sha256Hex(`${prevHash}\n${id}\n${JSON.stringify(fields)}`);
}

/** What a checkpoint signs: the chain's head and length at a moment. */
export interface CheckpointClaim {
  readonly headId: number;
  readonly headHash: string;
  readonly count: number;
  readonly at: string;
}
