import type Database from "better-sqlite3";
import { GENESIS_HASH } from "./chain.js";

/** An archived range as the log holds it (`audit_seals`): what was taken out and the platform's signature over it. */
export interface SealRow {
  readonly id: number;
  readonly fromId: number;
  readonly toId: number;
  readonly count: number;
  readonly firstPrevHash: string;
  readonly headHash: string;
  readonly sha256: string;
  readonly at: string;
  readonly kid: string;
  /** '' for the range archived before seals were kept in the log. */
  readonly signature: string;
}

/** What a seal's signature covers: every column but the signature's own. */
export interface SealClaim {
  readonly fromId: number;
  readonly toId: number;
  readonly count: number;
  readonly firstPrevHash: string;
  readonly headHash: string;
  readonly sha256: string;
  readonly at: string;
}

const COLUMNS = `id, from_id AS fromId, to_id AS toId, count, first_prev_hash AS firstPrevHash, head_hash AS headHash, sha256, at, kid, signature`;

export function allSeals(db: Database.Database): SealRow[] {
  return db.prepare(`SELECT ${COLUMNS} FROM audit_seals ORDER BY from_id`).all() as SealRow[];
}

/** Where the records still in the log start: after the last seal (the chain continues from its head). */
export function chainStart(db: Database.Database): { readonly afterId: number; readonly prevHash: string } {
  const last = db.prepare(`SELECT to_id AS toId, head_hash AS headHash FROM audit_seals ORDER BY to_id DESC LIMIT 1`).get() as
    | { toId: number; headHash: string }
    | undefined;
  return last ? { afterId: last.toId, prevHash: last.headHash } : { afterId: 0, prevHash: GENESIS_HASH };
}

/** The log's own id (made when it was created): its witness knows it by this. */
export function logIdOf(db: Database.Database): string | null {
  return (db.prepare(`SELECT value FROM audit_meta WHERE key = 'log_id'`).get() as { value: string } | undefined)?.value ?? null;
}
