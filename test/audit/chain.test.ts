import { createHash } from "node:crypto";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AccessEvent } from "../../audit/access-event.js";
import { AuditWriter } from "../../audit/audit-writer.js";
import { checkpointSigner } from "../../audit/checkpoint-signer.js";
import { recordHash } from "../../audit/chain.js";
import { auditMigrations } from "../../audit/migrations.js";
import { verifyAuditChain } from "../../audit/verify-chain.js";
import { loadOrCreatePlatformKey, type PlatformKey } from "../../gateway/identity/platform-key.js";
import { openStore } from "../../storage/sqlite-store.js";
import { sampleAccessEvent } from "../helpers/access-event.js";
import { tempDir } from "../helpers/temp-dir.js";

const event = (i: number): AccessEvent =>
  sampleAccessEvent({
    at: new Date(Date.UTC(2026, 10, 30, 8, 0, i)).toISOString(),
    requestId: `r-${Math.floor(i / 3)}`,
    coordinate: `Enterprise.f${i % 3}`,
  });

let dir: ReturnType<typeof tempDir>;
let key: PlatformKey;
let db: Database.Database;
let writer: AuditWriter;
beforeEach(async () => {
  dir = tempDir("chain");
  key = await loadOrCreatePlatformKey(dir.path);
  db = openStore({ file: join(dir.path, "audit.sqlite"), migrations: auditMigrations, synchronous: "FULL" });
  writer = new AuditWriter(db, checkpointSigner(() => key), { checkpointEvery: 10 });
});
afterEach(async () => {
  await writer.close();
  db.close();
  dir.remove();
});

async function write(n: number): Promise<void> {
  await Promise.all(Array.from({ length: n }, (_, i) => writer.append([event(i)])));
  await writer.checkpoint();
}

/** Tampering comes from outside the product, with the triggers out of the way. */
function tamper(...statements: string[]): void {
  const raw = new Database(join(dir.path, "audit.sqlite"));
  for (const trigger of ["audit_records_append_only", "audit_records_keep", "audit_strings_append_only", "audit_strings_keep"]) raw.exec(`DROP TRIGGER IF EXISTS ${trigger}`);
  for (const sql of statements) raw.exec(sql);
  raw.close();
}

describe("the audit chain (tamper evidence)", () => {
  it("commits concurrent appends together, in one transaction", async () => {
    const statements: string[] = [];
    const counted = openStore({ file: join(dir.path, "audit.sqlite"), migrations: auditMigrations, onStatement: (s) => statements.push(s) });
    const w = new AuditWriter(counted, checkpointSigner(() => key), { checkpointEvery: 1_000_000 });
    statements.splice(0);
    await Promise.all(Array.from({ length: 50 }, (_, i) => w.append([event(i), event(i + 1)])));
    expect(statements.filter((s) => s.startsWith("BEGIN"))).toHaveLength(1);
    expect(statements.filter((s) => s.startsWith("INSERT INTO audit_records"))).toHaveLength(100);
    counted.close();
  });

  it("forgets the strings of a transaction that failed: a later record holding them still verifies", async () => {
    // The record cannot be stored (no instant) after its new principal was added to the dictionary.
    await expect(writer.append([{ ...event(0), principal: "someone new", at: null as unknown as string }])).rejects.toThrow(/NOT NULL/);
    await writer.append([{ ...event(1), principal: "someone new" }]);
    expect(await verifyAuditChain(db, () => key.publicKey)).toMatchObject({ ok: true, records: 1 });
    expect((db.prepare("SELECT principal FROM access_records").get() as { principal: string }).principal).toBe("someone new");
  });

  it("hashes a record as it always has: SHA-256 of the previous hash, the number and the fields as JSON", () => {
    const e = { ...event(4), principal: "水务局-张三", grantId: "授权-1" };
    const fields = [e.at, e.requestId, e.unit, e.principal, e.purpose, e.coordinate, e.owner, e.shareClass, e.decision, e.reason, e.grantId,
      e.operationName, e.operationHash, e.clientName, e.clientVersion, e.valueCount, e.policyVersion];
    const expected = createHash("sha256").update(`${"a".repeat(64)}\n5\n${JSON.stringify(fields)}`).digest("hex");
    expect(recordHash("a".repeat(64), 5, e)).toBe(expected);
  });

  it("verifies an untouched chain", async () => {
    await write(30);
    expect(await verifyAuditChain(db, () => key.publicKey)).toEqual({ ok: true, records: 30, firstBrokenId: null, problem: null, problems: [] });
  });

  it("refuses edits and deletions through SQL: the log is append-only", async () => {
    await write(3);
    expect(() => db.prepare("UPDATE audit_records SET unit = unit + 1 WHERE id = 1").run()).toThrow(/append-only/);
    expect(() => db.prepare("DELETE FROM audit_records WHERE id = 1").run()).toThrow(/archived/);
    // The dictionary: a changed string would change every record holding it.
    expect(() => db.prepare("UPDATE audit_strings SET value = 'x' WHERE value = 'water'").run()).toThrow(/append-only/);
    expect(() => db.prepare("DELETE FROM audit_strings WHERE value = 'water'").run()).toThrow(/never deleted/);
    // The view other programs read has no way to write.
    expect(() => db.prepare("UPDATE access_records SET unit = 'x' WHERE id = 1").run()).toThrow(/view/);
  });

  it.each([
    [
      "an edit",
      () => tamper("INSERT INTO audit_strings (value) VALUES ('DENIED')", "UPDATE audit_records SET decision = (SELECT id FROM audit_strings WHERE value = 'DENIED') WHERE id = 7"),
      "7",
      /edited/,
    ],
    ["an edit of a string in the dictionary", () => tamper("UPDATE audit_strings SET value = 'Enterprise.g1' WHERE value = 'Enterprise.f1'"), "2", /edited/],
    ["a string deleted from the dictionary", () => tamper("DELETE FROM audit_strings WHERE value = 'Enterprise.f2'"), "3", /edited/],
    ["a deletion", () => tamper("DELETE FROM audit_records WHERE id = 7"), "8", /missing \(deleted\)/],
    ["a deletion at the end, below a signed checkpoint", () => tamper("DELETE FROM audit_records WHERE id >= 29"), "29", /missing \(deleted\)/],
    [
      "a reordering (two records' contents swapped)",
      () => tamper(`UPDATE audit_records SET id = -1 WHERE id = 5; UPDATE audit_records SET id = 5 WHERE id = 6; UPDATE audit_records SET id = 6 WHERE id = -1;`),
      "5",
      /does not follow|edited/,
    ],
  ])("finds %s and names the first broken record", async (_name, doIt, firstBrokenId, problem) => {
    await write(30);
    doIt();
    const result = await verifyAuditChain(db, () => key.publicKey);
    expect(result).toMatchObject({ ok: false, firstBrokenId });
    expect(result.problem).toMatch(problem);
  });

  it("finds a chain rewritten consistently after an edit, by its signed checkpoint", async () => {
    await write(20);
    // A careful forger edits record 4 and recomputes every later hash: the chain links again…
    tamper("INSERT INTO audit_strings (value) VALUES ('forged')");
    const raw = new Database(join(dir.path, "audit.sqlite"));
    const forged = (raw.prepare("SELECT id FROM audit_strings WHERE value = 'forged'").get() as { id: number }).id;
    const water = (raw.prepare("SELECT id FROM audit_strings WHERE value = 'water'").get() as { id: number }).id;
    const rows = raw.prepare("SELECT * FROM audit_records ORDER BY id").all() as Record<string, unknown>[];
    let prev = rows[2]!["hash"] as string;
    for (const row of rows.slice(3)) {
      const e = { ...event(Number(row["id"]) - 1), unit: row["id"] === 4 ? "forged" : "water" };
      const hash = recordHash(prev, Number(row["id"]), e);
      raw.prepare("UPDATE audit_records SET unit = ?, prev_hash = ?, hash = ? WHERE id = ?").run(e.unit === "forged" ? forged : water, prev, hash, row["id"]);
      prev = hash;
    }
    raw.close();
    // …but no longer matches what the platform signed.
    const result = await verifyAuditChain(db, () => key.publicKey);
    expect(result.ok).toBe(false);
    expect(result.problem).toMatch(/no longer matches its signed checkpoint/);
  });
});
