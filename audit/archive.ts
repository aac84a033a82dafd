import { createHash, randomUUID } from "node:crypto";
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, writeSync } from "node:fs";
import { join } from "node:path";
import type Database from "better-sqlite3";
import type { CheckpointSigner } from "./checkpoint-signer.js";
import { AuditStrings } from "./audit-strings.js";
import { storedToRecord, type StoredRecordRow } from "./record-row.js";

export interface ArchiveResult {
  readonly fromId: number;
  readonly toId: number;
  readonly file: string;
  readonly sealFile: string;
}

/**
 * Retention: records older than `before` go to a sealed NDJSON file — its SHA-256, its
 * chain ends and count signed with the platform key — made durable before a single
 * record is deleted. Nothing is ever silently dropped; the chain continues from the
 * archived head, so verification still covers what stays.
 */
export async function archiveBefore(db: Database.Database, before: string, dir: string, signer: CheckpointSigner): Promise<ArchiveResult | null> {
  const meta = (key: string): string | undefined =>
    (db.prepare(`SELECT value FROM audit_meta WHERE key = ?`).get(key) as { value: string } | undefined)?.value;
  const fromId = Number(meta("archived_through") ?? 0) + 1;
  const last = db.prepare(`SELECT max(id) AS id FROM audit_records WHERE at < ?`).get(before) as { id: number | null };
  if (last.id === null || last.id < fromId) return null;
  const toId = last.id;
  mkdirSync(dir, { recursive: true });
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
  const claim = { headId: toId, headHash, count, at: new Date().toISOString() };
  const seal = { fromId, toId, count, firstPrevHash: firstPrev, headHash, sha256: hash.digest("hex"), ...(await signer.sign(claim)) };
  const sealFile = `${base}.seal.json`;
  const sealTemp = `${sealFile}.${randomUUID()}.tmp`;
  const sfd = openSync(sealTemp, "wx", 0o600);
  writeSync(sfd, JSON.stringify(seal, null, 2));
  fsyncSync(sfd);
  closeSync(sfd);
  renameSync(sealTemp, sealFile);
  // Only now, with the archive durable, do the records leave the log.
  db.transaction(() => {
    const set = db.prepare(`INSERT INTO audit_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`);
    set.run("archived_through", String(toId));
    set.run("archived_head_hash", headHash);
    db.prepare(`DELETE FROM audit_records WHERE id <= ?`).run(toId);
    db.prepare(`DELETE FROM audit_requests WHERE last_id <= ?`).run(toId);
  }).immediate();
  return { fromId, toId, file, sealFile };
}
