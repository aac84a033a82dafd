import { rmSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import { createClient } from "redis";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AccessEvent } from "../../audit/access-event.js";
import { archiveBefore } from "../../audit/archive.js";
import { AuditWriter } from "../../audit/audit-writer.js";
import { checkpointSigner } from "../../audit/checkpoint-signer.js";
import { auditMigrations } from "../../audit/migrations.js";
import { RedisAuditWitness, witnessKey } from "../../audit/redis-witness.js";
import { SqliteAuditWitness } from "../../audit/sqlite-witness.js";
import { verifyAuditChain } from "../../audit/verify-chain.js";
import type { AuditWitness } from "../../audit/witness.js";
import { loadOrCreatePlatformKey, type PlatformKey } from "../../gateway/identity/platform-key.js";
import { openStore } from "../../storage/sqlite-store.js";
import { sampleAccessEvent } from "../helpers/access-event.js";
import { tempDir } from "../helpers/temp-dir.js";

// Issue 13 §3, each reproduction as a local user with write access to the data dir (and
// without the platform key) would make it: the triggers are no obstacle to them, so what
// must hold is that verification reports what went missing.

const event = (i: number): AccessEvent =>
  sampleAccessEvent({ at: new Date(Date.UTC(2026, 10, 1 + i)).toISOString(), requestId: `r-${i}`, coordinate: `Enterprise.f${i % 3}` });

let dir: ReturnType<typeof tempDir>;
let key: PlatformKey;
let db: Database.Database;
let witness: SqliteAuditWitness;
let writer: AuditWriter;
const file = (): string => join(dir.path, "audit.sqlite");

beforeEach(async () => {
  dir = tempDir("evidence");
  key = await loadOrCreatePlatformKey(dir.path);
  witness = SqliteAuditWitness.open(join(dir.path, "audit-witness.sqlite"));
  ({ db, writer } = await open());
});
afterEach(async () => {
  await writer.close();
  db.close();
  await witness.close();
  dir.remove();
});

async function open(): Promise<{ db: Database.Database; writer: AuditWriter }> {
  const opened = openStore({ file: file(), migrations: auditMigrations });
  const w = new AuditWriter(opened, checkpointSigner(() => key), { witness, checkpointEvery: 1_000_000, quickCheckIntervalMs: 0 });
  await w.ready;
  return { db: opened, writer: w };
}

/** Appends records n..m, then signs a checkpoint (which the witness takes). */
async function write(from: number, to: number): Promise<void> {
  for (let i = from; i <= to; i++) await writer.append([event(i)]);
  await writer.checkpoint();
}

/** What the attacker runs, against the file, with every trigger dropped first. */
function tamper(...statements: string[]): void {
  const raw = new Database(file());
  const triggers = raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger'`).all() as { name: string }[];
  for (const { name } of triggers) raw.exec(`DROP TRIGGER "${name}"`);
  for (const sql of statements) raw.exec(sql);
  raw.close();
}

const verify = async () => verifyAuditChain(db, () => key.publicKey, await witness.entries());

describe("the audit log reports every deletion (issue 13 §3)", () => {
  it("an untouched log, its checkpoints and its witness agree", async () => {
    await write(1, 20);
    await write(21, 25);
    expect(await verify()).toEqual({ ok: true, records: 25, firstBrokenId: null, problem: null, problems: [] });
  });

  it("raising archived_through opens nothing: the delete trigger still refuses", async () => {
    await write(1, 20);
    db.prepare(`INSERT INTO audit_meta (key, value) VALUES ('archived_through', '20')`).run();
    expect(() => db.prepare(`DELETE FROM audit_records WHERE id <= 10`).run()).toThrow(/archived, inside a signed seal/);
    expect(() => db.prepare(`DELETE FROM audit_checkpoints`).run()).toThrow(/never deleted/);
    expect(() => db.prepare(`UPDATE audit_meta SET value = 'x' WHERE key = 'log_id'`).run()).toThrow(/never changes/);
  });

  it("records deleted under a seal nobody signed are reported", async () => {
    await write(1, 20);
    const hash10 = (db.prepare(`SELECT hash FROM audit_records WHERE id = 10`).get() as { hash: string }).hash;
    tamper(
      `INSERT INTO audit_seals (from_id, to_id, count, first_prev_hash, head_hash, sha256, at, kid, signature)
        VALUES (1, 10, 10, '${"0".repeat(64)}', '${hash10}', '', '2026-01-01T00:00:00.000Z', '', '')`,
      `DELETE FROM audit_records WHERE id <= 10`,
    );
    const result = await verify();
    expect(result).toMatchObject({ ok: false, firstBrokenId: "1" });
    expect(result.problem).toMatch(/records 1–10 were deleted without a signed archive/);
  });

  it("a checkpoint's signature copied into a seal does not pass for one", async () => {
    await write(1, 10);
    const cp = db.prepare(`SELECT head_hash AS h, kid, signature AS s FROM audit_checkpoints ORDER BY id DESC LIMIT 1`).get() as { h: string; kid: string; s: string };
    tamper(
      `INSERT INTO audit_seals (from_id, to_id, count, first_prev_hash, head_hash, sha256, at, kid, signature)
        VALUES (1, 10, 10, '${"0".repeat(64)}', '${cp.h}', '', '2026-01-01T00:00:00.000Z', '${cp.kid}', '${cp.s}')`,
      `DELETE FROM audit_records`,
    );
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.problems.join("\n")).toMatch(/records 1–10 is not signed by the platform/);
  });

  it("the records after a checkpoint and that checkpoint deleted: the witness names what is missing", async () => {
    await write(1, 20);
    await write(21, 30);
    tamper(`DELETE FROM audit_records WHERE id > 20`, `DELETE FROM audit_checkpoints WHERE id = (SELECT max(id) FROM audit_checkpoints)`);
    // The log alone looks whole (the reproduction: ok: true with 10 records gone)…
    expect(await verifyAuditChain(db, () => key.publicKey)).toMatchObject({ ok: true, records: 20 });
    // …its witness does not.
    const result = await verify();
    expect(result).toMatchObject({ ok: false, records: 20, firstBrokenId: "21" });
    expect(result.problem).toMatch(/records 21–30 are missing \(deleted\)/);
  });

  it("the whole log emptied: records 1–N named", async () => {
    await write(1, 12);
    tamper(`DELETE FROM audit_records`, `DELETE FROM audit_checkpoints`, `DELETE FROM audit_requests`);
    const result = await verify();
    expect(result).toMatchObject({ ok: false, records: 0, firstBrokenId: "1" });
    expect(result.problem).toMatch(/records 1–12 are missing/);
  });

  it("a checkpoint replaced by a re-numbered one (the witness's signature no longer in the log) is found", async () => {
    await write(1, 10);
    await write(11, 12);
    // The last checkpoint removed, and the records after the one before it: a new checkpoint
    // would take the same number; the log shows the gap anyway only through the witness.
    tamper(`DELETE FROM audit_checkpoints WHERE id = 2`);
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.problems.join("\n")).toMatch(/checkpoint #2, which its witness holds, is missing from the log/);
  });

  it("the file deleted and a new log started in its place: the old log is reported gone with its range", async () => {
    await write(1, 15);
    await writer.close();
    db.close();
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file()}${suffix}`, { force: true });
    ({ db, writer } = await open());
    await write(1, 3);
    const result = await verify();
    expect(result).toMatchObject({ ok: false, records: 3 });
    expect(result.problem).toMatch(/log .* is gone .*records 1–15 of it are missing/);
  });

  it("archiving moves the start of the log only with a signed seal; the log then still verifies against its witness", async () => {
    await write(1, 20);
    const archived = await archiveBefore(db, event(11).at, join(dir.path, "archive"), checkpointSigner(() => key));
    expect(archived).toMatchObject({ fromId: 1, toId: 10 });
    await write(21, 22);
    expect(await verify()).toMatchObject({ ok: true, records: 12 });
    // An attacker's edit of the seal's range (to delete more) breaks its signature.
    tamper(`UPDATE audit_seals SET to_id = 15, head_hash = (SELECT hash FROM audit_records WHERE id = 15)`, `DELETE FROM audit_records WHERE id <= 15`);
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.problem).toMatch(/records 1–15 is not signed by the platform/);
  });

  it("a range archived by an older version is signed at the first start with a witness; an unsigned seal added after is reported", async () => {
    await write(1, 10);
    await writer.close();
    db.close();
    // What the migration makes of an older version's archived_through: one unsigned seal.
    const hash5 = (() => {
      const raw = new Database(file());
      const h = (raw.prepare(`SELECT hash FROM audit_records WHERE id = 5`).get() as { hash: string }).hash;
      raw.close();
      return h;
    })();
    tamper(
      `INSERT INTO audit_seals (from_id, to_id, count, first_prev_hash, head_hash, sha256, at, kid, signature)
        VALUES (1, 5, 5, '${"0".repeat(64)}', '${hash5}', '', '2026-01-01T00:00:00.000Z', '', '')`,
      `DELETE FROM audit_records WHERE id <= 5`,
    );
    // A fresh witness: this version's first start over that log.
    await witness.close();
    rmSync(join(dir.path, "audit-witness.sqlite"));
    witness = SqliteAuditWitness.open(join(dir.path, "audit-witness.sqlite"));
    ({ db, writer } = await open());
    expect(await verify()).toMatchObject({ ok: true, records: 5 });
    await write(11, 12);
    const hash12 = (db.prepare(`SELECT hash FROM audit_records WHERE id = 12`).get() as { hash: string }).hash;
    // Later, with the witness knowing the log, nothing unsigned is signed any more.
    await writer.close();
    db.close();
    tamper(
      `INSERT INTO audit_seals (from_id, to_id, count, first_prev_hash, head_hash, sha256, at, kid, signature)
        VALUES (6, 12, 7, (SELECT head_hash FROM audit_seals WHERE to_id = 5), '${hash12}', '', '2026-02-01T00:00:00.000Z', '', '')`,
      `DELETE FROM audit_records WHERE id <= 12`,
    );
    ({ db, writer } = await open());
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.problems.join("\n")).toMatch(/records 6–12 were deleted without a signed archive/);
  });
});

describe("the witness moves forward only", () => {
  const entry = (headId: number) => ({ logId: "L", seq: headId, headId, headHash: "h", at: "t", signature: "s" });

  async function forwardOnly(w: AuditWitness): Promise<void> {
    await w.advance(entry(10));
    await w.advance(entry(5));
    await w.advance(entry(12));
    await w.advance(entry(11));
    expect((await w.entries()).map((e) => e.headId)).toEqual([12]);
  }

  it("in its SQLite store, even through SQL", async () => {
    const sqliteDir = tempDir("witness");
    const w = SqliteAuditWitness.open(join(sqliteDir.path, "w.sqlite"));
    try {
      await forwardOnly(w);
      const raw = new Database(join(sqliteDir.path, "w.sqlite"));
      expect(() => raw.exec(`UPDATE audit_witness SET head_id = 1`)).toThrow(/forward only/);
      expect(() => raw.exec(`DELETE FROM audit_witness`)).toThrow(/forgets nothing/);
      raw.close();
    } finally {
      await w.close();
      sqliteDir.remove();
    }
  });

  it("in Redis, on the server (compare and set in one script)", async () => {
    const client = createClient({ url: process.env["REDIS_URL"] || "redis://127.0.0.1:6379" });
    await client.connect();
    const key = witnessKey(`ecofed-test-${randomUUID()}:`, "gw-0");
    const w = new RedisAuditWitness(client, key);
    try {
      await forwardOnly(w);
    } finally {
      await client.del(key);
      await w.close();
    }
  });
});
