import { join } from "node:path";
import type Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccessEvent, AccessRecord } from "../../audit/access-event.js";
import { AuditWriter } from "../../audit/audit-writer.js";
import { GENESIS_HASH, recordHash } from "../../audit/chain.js";
import { checkpointSigner } from "../../audit/checkpoint-signer.js";
import { recordsBetween } from "../../audit/export-records.js";
import { auditMigrations } from "../../audit/migrations.js";
import { verifyAuditChain } from "../../audit/verify-chain.js";
import { loadOrCreatePlatformKey, type PlatformKey } from "../../gateway/identity/platform-key.js";
import { openStore } from "../../storage/sqlite-store.js";
import type { AccessLogFilter } from "../../subgraphs/audit/access-log-filter.js";
import { AccessStatsDimension, TimeBucket } from "../../subgraphs/audit/access-stats.js";
import { AuditRepository } from "../../subgraphs/audit/repository.js";
import type { Visibility } from "../../subgraphs/audit/visibility.js";
import { tempDir } from "../helpers/temp-dir.js";

// A data dir written before the dictionary (schema version 3) keeps working: its records are
// moved into the new tables, the chain still verifies, the writer continues it, and every
// filter of CONTRACT §6 answers what it answered before.

const UNITS = ["water", "soil", "ext:city", "permits"];
const OWNERS = ["info-center", "water", "enforcement"];
const PURPOSES = [null, "WORK_REFERENCE", "DATA_VERIFICATION"] as const;
const DECISIONS = ["ALLOWED", "ALLOWED", "DENIED", "MASKED"] as const;

/** Request r's events: 1–4 coordinates, in a day of their own every 40 requests; request 7's id comes back as request 9's. */
function request(r: number): AccessEvent[] {
  const unit = UNITS[r % UNITS.length]!;
  return Array.from({ length: 1 + (r % 4) }, (_, i): AccessEvent => {
    const owner = OWNERS[(r + i) % OWNERS.length]!;
    const decision = DECISIONS[(r * 3 + i) % DECISIONS.length]!;
    return {
      at: new Date(Date.UTC(2026, 10, 1 + Math.floor(r / 40), r % 24, i)).toISOString(),
      requestId: `req-${r === 9 ? 7 : r}`,
      unit,
      principal: `${unit}-officer-${r % 5}`,
      purpose: PURPOSES[r % PURPOSES.length]!,
      coordinate: `${owner === "info-center" ? "Enterprise" : "Division"}.f${i}`,
      owner,
      shareClass: decision === "DENIED" ? "NOT_SHARED" : r % 5 === 0 ? null : "CONDITIONAL",
      decision,
      reason: decision === "DENIED" ? "NOT_SHARED" : owner === unit ? "OWN_DATA" : "SHARED",
      grantId: decision === "ALLOWED" && r % 3 === 0 ? `grant-${r % 4}` : null,
      operationName: r % 6 === 0 ? null : `Op${r % 3}`,
      operationHash: `hash-${r % 3}`,
      clientName: r % 2 ? "console" : null,
      clientVersion: r % 2 ? "2.0" : null,
      valueCount: decision === "DENIED" ? 0 : r % 7,
      policyVersion: `policy-${Math.floor(r / 100)}`,
    };
  });
}

const REQUESTS = 160;
const events = Array.from({ length: REQUESTS }, (_, r) => request(r));
const records: AccessRecord[] = [];
{
  let prevHash = GENESIS_HASH;
  for (const e of events.flat()) {
    const id = records.length + 1;
    const hash = recordHash(prevHash, id, e);
    records.push({ ...e, id, prevHash, hash });
    prevHash = hash;
  }
}

/** The store as schema version 3 left it, written as its writer wrote (one transaction per request). */
function writeVersion3(db: Database.Database): void {
  const insert = db.prepare(`INSERT INTO access_records (id, at, request_id, unit, principal, purpose, coordinate, owner, share_class, decision,
    reason, grant_id, operation_name, operation_hash, client_name, client_version, value_count, policy_version, prev_hash, hash)
    VALUES (${Array(20).fill("?").join(", ")})`);
  const range = db.prepare(`INSERT INTO audit_requests (request_id, first_id, last_id) VALUES (?, ?, ?)
    ON CONFLICT(request_id) DO UPDATE SET first_id = min(first_id, excluded.first_id), last_id = max(last_id, excluded.last_id)`);
  let next = 0;
  for (const request of events) {
    db.transaction(() => {
      const first = records[next]!.id;
      for (const _ of request) {
        const r = records[next++]!;
        insert.run(r.id, r.at, r.requestId, r.unit, r.principal, r.purpose, r.coordinate, r.owner, r.shareClass, r.decision, r.reason, r.grantId,
          r.operationName, r.operationHash, r.clientName, r.clientVersion, r.valueCount, r.policyVersion, r.prevHash, r.hash);
      }
      range.run(request[0]!.requestId, first, records[next - 1]!.id);
    })();
  }
}

const dir = tempDir("audit-migration");
let key: PlatformKey;
let migrated: Database.Database;
let fresh: Database.Database;
beforeAll(async () => {
  key = await loadOrCreatePlatformKey(dir.path);
  const file = join(dir.path, "audit.sqlite");
  const old = openStore({ file, migrations: auditMigrations.slice(0, 3) });
  writeVersion3(old);
  old.close();
  migrated = openStore({ file, migrations: auditMigrations, synchronous: "FULL" });
  // The same events written by today's writer, for comparison.
  fresh = openStore({ file: join(dir.path, "fresh", "audit.sqlite"), migrations: auditMigrations });
  const writer = new AuditWriter(fresh, checkpointSigner(() => key));
  for (const request of events) await writer.append(request);
  await writer.close();
});
afterAll(() => {
  migrated?.close();
  fresh?.close();
  dir.remove();
});

const newestFirst = (xs: AccessRecord[]): AccessRecord[] => [...xs].sort((a, b) => b.id - a.id);

/** What a filter selects, by its definition (CONTRACT §6), over the records in memory. */
function oracle(visibility: Visibility, filter: AccessLogFilter | null): AccessRecord[] {
  if (visibility.kind === "none") return [];
  return records.filter(
    (r) =>
      (visibility.kind === "all" || r.owner === visibility.owner) &&
      (!filter?.unit || r.unit === filter.unit) &&
      (!filter?.owner || r.owner === filter.owner) &&
      (!filter?.coordinate || r.coordinate === filter.coordinate) &&
      (!filter?.decision || r.decision === filter.decision) &&
      (!filter?.purpose || r.purpose === filter.purpose) &&
      (!filter?.requestId || r.requestId === filter.requestId) &&
      (!filter?.from || r.at >= filter.from) &&
      (!filter?.to || r.at < filter.to),
  );
}

const all: Visibility = { kind: "all" };
const CASES: [string, Visibility, AccessLogFilter | null][] = [
  ["no filter", all, null],
  ["unit", all, { unit: "soil" }],
  ["owner", all, { owner: "water" }],
  ["coordinate", all, { coordinate: "Enterprise.f1" }],
  ["decision", all, { decision: "DENIED" }],
  ["purpose", all, { purpose: "DATA_VERIFICATION" }],
  ["requestId", all, { requestId: "req-42" }],
  ["requestId seen in two requests", all, { requestId: "req-7" }],
  ["from/to", all, { from: "2026-11-02T03:00:00.000Z", to: "2026-11-03T10:00:00.000Z" }],
  ["owner + decision", all, { owner: "info-center", decision: "ALLOWED" }],
  ["unit + coordinate + purpose", all, { unit: "water", coordinate: "Division.f0", purpose: "WORK_REFERENCE" }],
  ["visibility owner", { kind: "owner", owner: "enforcement" }, null],
  ["visibility owner + unit", { kind: "owner", owner: "water" }, { unit: "ext:city" }],
  ["visibility owner + another owner", { kind: "owner", owner: "water" }, { owner: "enforcement" }],
  ["visibility owner + from", { kind: "owner", owner: "info-center" }, { from: "2026-11-03T00:00:00.000Z", decision: "MASKED" }],
  ["a string no record holds", all, { unit: "nobody" }],
  ["visibility none", { kind: "none" }, null],
];

describe.each([
  ["a store migrated from schema version 3", () => migrated],
  ["a store written by today's writer", () => fresh],
])("%s", (_name, db) => {
  it("verifies its chain, and export reads the records as written", async () => {
    expect(await verifyAuditChain(db(), () => key.publicKey)).toMatchObject({ ok: true, records: records.length });
    expect([...recordsBetween(db(), "2026-11-01T00:00:00.000Z", "2026-11-03T00:00:00.000Z")]).toEqual(
      records.filter((r) => r.at < "2026-11-03T00:00:00.000Z"),
    );
  });

  it.each(CASES)("accessLog %s: newest first, paged by cursor, counted", (_case, visibility, filter) => {
    const repository = new AuditRepository(db());
    const expected = newestFirst(oracle(visibility, filter));
    const read: AccessRecord[] = [];
    let before: number | null = null;
    for (;;) {
      const page: { records: AccessRecord[]; hasNextPage: boolean } =
        visibility.kind === "none" ? { records: [], hasNextPage: false } : repository.page(visibility, filter, before, 7);
      read.push(...page.records);
      if (!page.hasNextPage) break;
      before = page.records[page.records.length - 1]!.id;
    }
    expect(read).toEqual(expected);
    if (visibility.kind !== "none") expect(repository.count(visibility, filter)).toBe(expected.length);
  });

  it("accessStats groups, buckets and orders as the strings do", () => {
    const repository = new AuditRepository(db());
    const groups = new Map<string, { bucket: string; decision: string; reason: string; purpose: string | null; count: number }>();
    for (const r of oracle({ kind: "owner", owner: "water" }, null)) {
      const bucket = `${r.at.slice(0, 10)}T00:00:00.000Z`;
      const k = JSON.stringify([bucket, r.decision, r.reason, r.purpose]);
      const g = groups.get(k) ?? { bucket, decision: r.decision, reason: r.reason, purpose: r.purpose, count: 0 };
      g.count++;
      groups.set(k, g);
    }
    const key = (g: { bucket: string; decision: string; reason: string; purpose: string | null }) => [g.bucket, g.decision, g.reason, g.purpose ?? ""];
    const expected = [...groups.values()].sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      const i = x.findIndex((v, n) => v !== y[n]);
      return i < 0 ? 0 : x[i]! < y[i]! ? -1 : 1;
    });
    const rows = repository.stats({ kind: "owner", owner: "water" }, null, [AccessStatsDimension.DECISION, AccessStatsDimension.REASON, AccessStatsDimension.PURPOSE], TimeBucket.DAY);
    expect(rows).toEqual(expected);
  });

  it("keeps the old table's columns in the access_records view, which readers of the file use", () => {
    const row = db().prepare(`SELECT * FROM access_records WHERE request_id = 'req-42' ORDER BY id LIMIT 1`).get() as Record<string, unknown>;
    const r = records.find((x) => x.requestId === "req-42")!;
    expect(row).toEqual({
      id: r.id, at: r.at, request_id: r.requestId, unit: r.unit, principal: r.principal, purpose: r.purpose, coordinate: r.coordinate, owner: r.owner,
      share_class: r.shareClass, decision: r.decision, reason: r.reason, grant_id: r.grantId, operation_name: r.operationName, operation_hash: r.operationHash,
      client_name: r.clientName, client_version: r.clientVersion, value_count: r.valueCount, policy_version: r.policyVersion, prev_hash: r.prevHash, hash: r.hash,
    });
  });
});

describe("after the migration", () => {
  it("the writer continues the chain, and what it wrote verifies with what was migrated", async () => {
    const writer = new AuditWriter(migrated, checkpointSigner(() => key));
    await writer.append(request(REQUESTS));
    await writer.append([{ ...request(REQUESTS + 1)[0]!, unit: "a unit never seen before" }]);
    await writer.close();
    expect(await verifyAuditChain(migrated, () => key.publicKey)).toMatchObject({ ok: true, records: records.length + request(REQUESTS).length + 1 });
    expect(new AuditRepository(migrated).count(all, { unit: "a unit never seen before" })).toBe(1);
  });

  it("refuses edits and deletions through SQL, as before", () => {
    expect(() => migrated.prepare("UPDATE audit_records SET value_count = 0 WHERE id = 1").run()).toThrow(/append-only/);
    expect(() => migrated.prepare("DELETE FROM audit_records WHERE id = 1").run()).toThrow(/archived/);
  });
});
