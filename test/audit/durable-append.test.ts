import { readlinkSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AccessEvent } from "../../audit/access-event.js";
import { AuditWriter } from "../../audit/audit-writer.js";
import { checkpointSigner } from "../../audit/checkpoint-signer.js";
import { auditMigrations } from "../../audit/migrations.js";
import { loadOrCreatePlatformKey, type PlatformKey } from "../../gateway/identity/platform-key.js";
import { openStore } from "../../storage/sqlite-store.js";
import { sampleAccessEvent } from "../helpers/access-event.js";
import { tempDir } from "../helpers/temp-dir.js";

// A response leaves only after its records are durable: append() resolves after the WAL
// fsync that covers its commit — run off the event loop — never before.

const event = (requestId: string): AccessEvent => sampleAccessEvent({ requestId });

/** An fsync the test completes (or fails) by hand, recording which file each call syncs. */
class HeldFsync {
  readonly calls: { file: string; done: (error: NodeJS.ErrnoException | null) => void }[] = [];
  readonly fsync = (fd: number, done: (error: NodeJS.ErrnoException | null) => void): void => {
    this.calls.push({ file: readlinkSync(`/proc/self/fd/${fd}`), done });
  };
}

const turns = async (n = 5): Promise<void> => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};

function tracked(promise: Promise<void>): { settled: () => string } {
  let state = "pending";
  promise.then(
    () => (state = "resolved"),
    (error: unknown) => (state = `rejected: ${(error as Error).message}`),
  );
  return { settled: () => state };
}

let dir: ReturnType<typeof tempDir>;
let key: PlatformKey;
let db: Database.Database;
let held: HeldFsync;
let writer: AuditWriter;
beforeEach(async () => {
  dir = tempDir("durable-append");
  key = await loadOrCreatePlatformKey(dir.path);
  db = openStore({ file: join(dir.path, "audit.sqlite"), migrations: auditMigrations });
  held = new HeldFsync();
  writer = new AuditWriter(db, checkpointSigner(() => key), { fsync: held.fsync, checkpointEvery: 1_000_000 });
});
afterEach(() => {
  db.close();
  dir.remove();
});

const recordsOf = (requestId: string): number =>
  (db.prepare(`SELECT count(*) AS n FROM access_records WHERE request_id = ?`).get(requestId) as { n: number }).n;

describe("durable audit appends", () => {
  it("resolves only after the fsync of the WAL file that follows its commit", async () => {
    const append = tracked(writer.append([event("r1")]));
    await turns();
    expect(recordsOf("r1")).toBe(1); // committed…
    expect(held.calls).toHaveLength(1);
    expect(held.calls[0]!.file).toBe(join(dir.path, "audit.sqlite-wal"));
    expect(append.settled()).toBe("pending"); // …but not yet on disk: the response must wait
    held.calls[0]!.done(null);
    await turns();
    expect(append.settled()).toBe("resolved");
  });

  it("makes commits that land during a sync wait for the next sync, and groups them", async () => {
    const first = tracked(writer.append([event("r1")]));
    await turns();
    const second = tracked(writer.append([event("r2")]));
    const third = tracked(writer.append([event("r3")]));
    await turns();
    expect(recordsOf("r2") + recordsOf("r3")).toBe(2);
    expect(held.calls).toHaveLength(1); // one sync at a time
    held.calls[0]!.done(null);
    await turns();
    expect([first.settled(), second.settled(), third.settled()]).toEqual(["resolved", "pending", "pending"]);
    expect(held.calls).toHaveLength(2); // the sync that covers r2 and r3 together
    held.calls[1]!.done(null);
    await turns();
    expect([second.settled(), third.settled()]).toEqual(["resolved", "resolved"]);
  });

  it("rejects the appends a failed fsync covered, and keeps writing afterwards", async () => {
    const failed = tracked(writer.append([event("r1")]));
    await turns();
    held.calls[0]!.done(Object.assign(new Error("EIO: i/o error, fsync"), { code: "EIO" }));
    await turns();
    expect(failed.settled()).toBe("rejected: EIO: i/o error, fsync");
    const next = tracked(writer.append([event("r2")]));
    await turns();
    held.calls[1]!.done(null);
    await turns();
    expect(next.settled()).toBe("resolved");
  });

  it("with the real fsync, appends resolve and close waits for the last sync", async () => {
    const real = new AuditWriter(db, checkpointSigner(() => key));
    await Promise.all([real.append([event("a")]), real.append([event("b")])]);
    await real.close();
    expect(recordsOf("a") + recordsOf("b")).toBe(2);
    expect(db.pragma("synchronous", { simple: true })).toBe(1); // NORMAL: the writer syncs, not each commit
  });
});

describe("group commits with requests still running (reservations)", () => {
  const delayed = (commitDelayMs: number): AuditWriter => new AuditWriter(db, checkpointSigner(() => key), { fsync: held.fsync, checkpointEvery: 1_000_000, commitDelayMs });

  it("commits at once when no reserved request is running", async () => {
    const w = delayed(60_000);
    const alone = w.reserve();
    void alone.append([event("r1")]);
    await turns();
    expect(recordsOf("r1")).toBe(1);
    expect(held.calls).toHaveLength(1);
  });

  it("waits for the reserved requests still running, then commits their records in one transaction and one sync", async () => {
    const w = delayed(60_000);
    const a = w.reserve();
    const b = w.reserve();
    const first = tracked(a.append([event("r1")]));
    await turns();
    expect(recordsOf("r1")).toBe(0); // b is still running: its records will share the commit
    expect(held.calls).toHaveLength(0);
    const second = tracked(b.append([event("r2")]));
    await turns();
    expect(recordsOf("r1") + recordsOf("r2")).toBe(2);
    expect(held.calls).toHaveLength(1);
    held.calls[0]!.done(null);
    await turns();
    expect([first.settled(), second.settled()]).toEqual(["resolved", "resolved"]);
  });

  it("stops waiting for a request that ends without appending, and counts each reservation once", async () => {
    const w = delayed(60_000);
    const a = w.reserve();
    const b = w.reserve();
    void a.append([event("r1")]);
    await turns();
    expect(recordsOf("r1")).toBe(0);
    b.release();
    await turns();
    expect(recordsOf("r1")).toBe(1);
    const c = w.reserve();
    b.release(); // a second release must not count another request as gone
    void w.append([event("r2")]);
    await turns();
    expect(recordsOf("r2")).toBe(0); // c is running
    c.release();
    await turns();
    expect(recordsOf("r2")).toBe(1);
  });

  it("waits no longer than commitDelayMs for a request that is slow to append", async () => {
    const w = delayed(40);
    w.reserve(); // never appends
    const started = performance.now();
    void w.append([event("r1")]);
    await turns();
    expect(recordsOf("r1")).toBe(0);
    while (recordsOf("r1") === 0 && performance.now() - started < 5_000) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(recordsOf("r1")).toBe(1);
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);
  });
});
