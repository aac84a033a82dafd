import { createHash, randomUUID } from "node:crypto";
import { closeSync, fsyncSync, openSync, renameSync, writeSync } from "node:fs";
import { join } from "node:path";
import type Database from "better-sqlite3";
import type { CheckpointSigner } from "./checkpoint-signer.js";
import { AuditStrings } from "./audit-strings.js";
import { storedToRecord, type StoredRecordRow } from "./record-row.js";
import { chainStart, type SealClaim } from "./seals.js";
import { privateDir } from "../storage/private-files.js";

export interface ArchiveResult {
  readonly fromId: number;
  readonly toId: number;
  readonly file: string;
  readonly sealFile: string;
}

/**
 * Retention: records older than `before` go to a sealed NDJSON file — its SHA-256, its
 * chain ends and count signed with the platform key (as a seal, never mistaken for a
 * checkpoint) — made durable before a single record is deleted; the seal is kept in the
 * log too, and only the records inside it can be deleted. Nothing is ever silently dropped; the chain continues from the
 * archived head, so verification still covers what stays.
 */
export async function archiveBefore(db: Database.Database, before: string, dir: string, signer: CheckpointSigner): Promise<ArchiveResult | null> {
  const fromId = chainStart(db).afterId + 1;
  const last = db.prepare(`SELECT max(id) AS id FROM audit_records WHERE at < ?`).get(before) as { id: number | null };
  if (last.id === null || last.id < fromId) return null;
  const toId = last.id;
  privateDir(dir);
  const base = join(dir, `audit-${fromId}-${toId}`);
  const temp = `${base}.${randomUUID()}.tmp`;
  const hash = createHash("sha256");
  const fd = openSync(temp, "wx", 0o600);
  let firstPrev = "";
  let headHash = "";
  let count = 0;
  const strings = new AuditStrings(db);
  try {
    for (const row of db.prepare(`SELECT * FROM audit_records WHERE id BETWEEN ? AND ? ORDER BY id`).iterate(fromId, toId) as IterableIterator<StoredRecordRow>) {
      const record = storedToRecord(row, strings);
      if (count === 0) firstPrev = record.prevHash;
      headHash = record.hash;
      const line = `${JSON.stringify(record)}\n`;
      hash.update(line);
      writeSync(fd, line);
      count++;
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  const file = `${base}.ndjson`;
  renameSync(temp, file);
  const claim: SealClaim = { fromId, toId, count, firstPrevHash: firstPrev, headHash, sha256: hash.digest("hex"), at: new Date().toISOString() };
  const seal = { ...claim, ...(await signer.sign(claim, "seal")) };
  const sealFile = `${base}.seal.json`;
  const sealTemp = `${sealFile}.${randomUUID()}.tmp`;
  const sfd = openSync(sealTemp, "wx", 0o600);
  writeSync(sfd, JSON.stringify(seal, null, 2));
  fsyncSync(sfd);
  closeSync(sfd);
  renameSync(sealTemp, sealFile);
  // Only now, with the archive durable, do the records leave the log — inside the seal the
  // log keeps (the delete trigger lets nothing else go; verification checks its signature).
  db.transaction(() => {
    db.prepare(`INSERT INTO audit_seals (from_id, to_id, count, first_prev_hash, head_hash, sha256, at, kid, signature)
      VALUES (@fromId, @toId, @count, @firstPrevHash, @headHash, @sha256, @at, @kid, @signature)`).run(seal);
    db.prepare(`DELETE FROM audit_records WHERE id BETWEEN ? AND ?`).run(fromId, toId);
    db.prepare(`DELETE FROM audit_requests WHERE last_id <= ?`).run(toId);
  }).immediate();
  return { fromId, toId, file, sealFile };
}
