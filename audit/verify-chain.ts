import type Database from "better-sqlite3";
import { GENESIS_HASH, recordHash } from "./chain.js";
import { verifyCheckpoint, type CheckpointKeys } from "./checkpoint-signer.js";
import { AuditStrings } from "./audit-strings.js";
import { storedToRecord, type StoredRecordRow } from "./record-row.js";

/** What `auditIntegrity` answers (CONTRACT §6). */
export interface AuditIntegrity {
  readonly ok: boolean;
  readonly records: number;
  /** The first record that does not chain (edited, moved, or after a gap); null when all do. */
  readonly firstBrokenId: string | null;
  /** Why, in one line, when not ok. */
  readonly problem: string | null;
}

/**
 * Re-verifies the whole chain and every checkpoint: each record's number follows the one
 * before, its hash covers its fields and its predecessor's hash, and each signed checkpoint
 * still matches the record it names. An edit, a deletion or a reordering made directly in
 * the database is found; so is a chain rewritten up to a signed checkpoint.
 */
export async function verifyAuditChain(db: Database.Database, keys: CheckpointKeys): Promise<AuditIntegrity> {
  const meta = (key: string): string | undefined =>
    (db.prepare(`SELECT value FROM audit_meta WHERE key = ?`).get(key) as { value: string } | undefined)?.value;
  let expectedId = Number(meta("archived_through") ?? 0) + 1;
  let prevHash = meta("archived_head_hash") ?? GENESIS_HASH;
  let records = 0;
  const hashes = new Map<number, string>();
  const checkpoints = db.prepare(`SELECT head_id AS headId, head_hash AS headHash, signature FROM audit_checkpoints ORDER BY id`).all() as {
    headId: number;
    headHash: string;
    signature: string;
  }[];
  const checkpointIds = new Set(checkpoints.map((c) => c.headId));
  let broken: { id: number; problem: string } | null = null;
  // Strings from an in-memory copy of the dictionary (it is small), not a join per record.
  const strings = new AuditStrings(db);
  for (const row of db.prepare(`SELECT * FROM audit_records ORDER BY id`).iterate() as IterableIterator<StoredRecordRow>) {
    const record = storedToRecord(row, strings);
    records++;
    if (broken) continue;
    if (record.id !== expectedId) broken = { id: record.id, problem: `record ${expectedId} is missing (deleted) before record ${record.id}` };
    else if (record.prevHash !== prevHash) broken = { id: record.id, problem: `record ${record.id} does not follow its predecessor (moved or edited)` };
    else if (recordHash(prevHash, record.id, record) !== record.hash) broken = { id: record.id, problem: `record ${record.id} was edited` };
    if (checkpointIds.has(record.id)) hashes.set(record.id, record.hash);
    prevHash = record.hash;
    expectedId = record.id + 1;
  }
  if (!broken) {
    for (const c of checkpoints) {
      const claim = await verifyCheckpoint(c.signature, keys);
      if (!claim || claim.headId !== c.headId || claim.headHash !== c.headHash) {
        broken = { id: c.headId, problem: `checkpoint at record ${c.headId} is not signed by the platform` };
        break;
      }
      if (c.headId >= expectedId) {
        broken = { id: expectedId, problem: `records ${expectedId}–${c.headId} that a checkpoint signed are missing (deleted)` };
        break;
      }
      const hash = hashes.get(c.headId);
      if (hash !== undefined && hash !== c.headHash) {
        broken = { id: c.headId, problem: `the chain up to record ${c.headId} was rewritten: it no longer matches its signed checkpoint` };
        break;
      }
    }
  }
  return { ok: !broken, records, firstBrokenId: broken ? String(broken.id) : null, problem: broken?.problem ?? null };
}
