import { closeSync, copyFileSync, openSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AccessEvent } from "../../audit/access-event.js";
import { AuditUnavailableError, AuditWriter } from "../../audit/audit-writer.js";
import { checkpointSigner, verifySigned } from "../../audit/checkpoint-signer.js";
import { SqliteAuditWitness } from "../../audit/sqlite-witness.js";
import { auditMigrations } from "../../audit/migrations.js";
import { loadOrCreatePlatformKey, type PlatformKey } from "../../gateway/identity/platform-key.js";
import { openStore } from "../../storage/sqlite-store.js";
import { sampleAccessEvent } from "../helpers/access-event.js";
import { tempDir } from "../helpers/temp-dir.js";

// Issue 13 §3: the writer notices its file unlinked, replaced or damaged under it and from
// then on takes no record (so the gateway serves nothing); a lock held by another process
// is waited for without stalling the event loop.

const event = (i: number): AccessEvent => sampleAccessEvent({ requestId: `r-${i}`, coordinate: `Enterprise.f${i % 3}` });

let dir: ReturnType<typeof tempDir>;
let key: PlatformKey;
let db: Database.Database;
let writer: AuditWriter | null;
const file = (): string => join(dir.path, "audit.sqlite");

beforeEach(async () => {
  dir = tempDir("fail-closed");
  key = await loadOrCreatePlatformKey(dir.path);
  db = openStore({ file: file(), migrations: auditMigrations });
});
afterEach(async () => {
  await writer?.close().catch(() => undefined);
  writer = null;
  db.close();
  dir.remove();
});

function start(options: ConstructorParameters<typeof AuditWriter>[2] = {}): AuditWriter {
  writer = new AuditWriter(db, checkpointSigner(() => key), { quickCheckIntervalMs: 0, ...options });
  return writer;
}

async function until(condition: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error("condition not reached");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("the audit writer fails closed", () => {
  it("after its file is deleted under it: the next append is refused and health says why", async () => {
    const w = start();
    await w.append([event(1)]);
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file()}${suffix}`, { force: true });
    await expect(w.append([event(2)])).rejects.toThrow(AuditUnavailableError);
    await expect(w.append([event(3)])).rejects.toThrow(/was deleted under the running gateway/);
    expect(w.health()).toMatchObject({ ok: false, reason: expect.stringMatching(/deleted/) });
  });

  it("signs the last record it committed for its witness when it finds the file gone (records since the last checkpoint included)", async () => {
    const witness = SqliteAuditWitness.open(join(dir.path, "audit-witness.sqlite"));
    try {
      const w = start({ witness, checkpointEvery: 1_000_000 });
      await w.ready;
      for (let i = 0; i < 7; i++) await w.append([event(i)]);
      expect(await witness.entries()).toEqual([]);
      for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file()}${suffix}`, { force: true });
      await expect(w.append([event(8)])).rejects.toThrow(AuditUnavailableError);
      await w.close();
      writer = null;
      const [held] = await witness.entries();
      expect(held).toMatchObject({ headId: 7 });
      expect(await verifySigned<{ headId: number }>(held!.signature, () => key.publicKey)).toMatchObject({ headId: 7 });
    } finally {
      await witness.close();
    }
  });

  it("after its file is replaced by another (a copy renamed over it)", async () => {
    const w = start();
    await w.append([event(1)]);
    copyFileSync(file(), `${file()}.copy`);
    renameSync(`${file()}.copy`, file());
    await expect(w.append([event(2)])).rejects.toThrow(/was replaced under the running gateway/);
    expect(w.health().ok).toBe(false);
  });

  it("after its pages are overwritten: the periodic check finds it, and nothing more is taken", async () => {
    const w = start({ quickCheckIntervalMs: 100 });
    for (let i = 0; i < 200; i++) await w.append([event(i)]);
    // Move every record into the main file, then scribble over its pages past the header.
    db.pragma("wal_checkpoint(TRUNCATE)");
    const size = statSync(file()).size;
    const fd = openSync(file(), "r+");
    for (let at = 4096; at < size; at += 4096) writeSync(fd, Buffer.alloc(512, 0x5a), 0, 512, at + 100);
    closeSync(fd);
    await until(() => !w.health().ok);
    expect(w.health()).toMatchObject({ ok: false, reason: expect.stringMatching(/integrity check/) });
    await expect(w.append([event(999)])).rejects.toThrow(AuditUnavailableError);
  });

  it("waits for a lock another process holds without blocking the event loop, and commits once it is released", async () => {
    const w = start();
    await w.append([event(1)]);
    const other = new Database(file());
    other.exec("BEGIN EXCLUSIVE");
    const appended = w.append([event(2)]);
    let done = false;
    void appended.then(() => (done = true));
    // The loop turns while the commit waits: timers fire, health answers at once.
    let ticks = 0;
    await new Promise<void>((resolve) => {
      const t = setInterval(() => {
        if (++ticks === 10) {
          clearInterval(t);
          resolve();
        }
      }, 20);
    });
    expect(done).toBe(false);
    other.exec("COMMIT");
    other.close();
    await appended;
    expect((db.prepare("SELECT count(*) AS n FROM audit_records").get() as { n: number }).n).toBe(2);
  });

  it("refuses the records (AUDIT_UNAVAILABLE) when the lock is held too long, and says so on health", async () => {
    const w = start({ lockedForMs: 1_500 });
    const other = new Database(file());
    other.exec("BEGIN EXCLUSIVE");
    try {
      const appended = w.append([event(1)]);
      await until(() => !w.health().ok, 5_000);
      expect(w.health()).toMatchObject({ ok: false, reason: expect.stringMatching(/locked by another process/) });
      await expect(appended).rejects.toThrow(/locked by another process/);
    } finally {
      other.exec("COMMIT");
      other.close();
    }
    // Released: the next request's records are taken again.
    await w.append([event(2)]);
    expect(w.health().ok).toBe(true);
  });
});
