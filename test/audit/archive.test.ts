import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { compactVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccessEvent } from "../../audit/access-event.js";
import { AuditWriter } from "../../audit/audit-writer.js";
import { archiveBefore } from "../../audit/archive.js";
import { checkpointSigner } from "../../audit/checkpoint-signer.js";
import { auditMigrations } from "../../audit/migrations.js";
import { verifyAuditChain } from "../../audit/verify-chain.js";
import { loadOrCreatePlatformKey, type PlatformKey } from "../../gateway/identity/platform-key.js";
import { openStore } from "../../storage/sqlite-store.js";
import { runCli } from "../helpers/cli-process.js";
import { tempDir } from "../helpers/temp-dir.js";

const day = (d: number): string => new Date(Date.UTC(2026, 9, d, 4)).toISOString();
const event = (d: number): AccessEvent => ({
  at: day(d), requestId: `r-${d}`, unit: "water", principal: "w", purpose: null, coordinate: "Query.divisions", owner: "info-center",
  shareClass: "UNCONDITIONAL", decision: "DENIED", reason: "PURPOSE_REQUIRED", grantId: null, operationName: null, operationHash: "h",
  clientName: null, clientVersion: null, valueCount: 0, policyVersion: "p",
});

const dir = tempDir("archive");
let key: PlatformKey;
beforeAll(async () => {
  key = await loadOrCreatePlatformKey(dir.path);
  const db = openStore({ file: join(dir.path, "audit.sqlite"), migrations: auditMigrations });
  const writer = new AuditWriter(db, checkpointSigner(() => key));
  for (let d = 1; d <= 30; d++) await writer.append([event(d)]);
  await writer.close();
  db.close();
});
afterAll(() => dir.remove());

describe("audit export and retention", () => {
  it("exports a time range as NDJSON, oldest first", async () => {
    const run = await runCli(["audit", "export", "--from", day(10), "--to", day(13)], { ECOFED_DATA_DIR: dir.path });
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split("\n").map((l) => JSON.parse(l) as { requestId: string; hash: string });
    expect(lines.map((l) => l.requestId)).toEqual(["r-10", "r-11", "r-12"]);
    expect(lines.every((l) => /^[0-9a-f]{64}$/.test(l.hash))).toBe(true);
  });

  it.each([
    [["audit", "export", "--from", "yesterday", "--to", day(2)], 'ecofed: --from must be an RFC 3339 time, got "yesterday"'],
    [["audit", "export", "--to", day(2)], "ecofed: --from <time> is required (RFC 3339, e.g. 2026-11-30T00:00:00+08:00)"],
    [["audit", "export", "--from", day(5), "--to", day(2)], "ecofed: --from must not be after --to"],
  ])("ecofed %j fails in one line", async (args, line) => {
    const run = await runCli(args, { ECOFED_DATA_DIR: dir.path });
    expect(run.code).not.toBe(0);
    expect(run.stderr.trim()).toBe(line);
  });

  it("archives old records to a sealed file before deleting them, and the chain still verifies", async () => {
    const db = openStore({ file: join(dir.path, "audit.sqlite"), migrations: auditMigrations });
    try {
      const result = await archiveBefore(db, day(21), join(dir.path, "audit-archive"), checkpointSigner(() => key));
      expect(result).toMatchObject({ fromId: 1, toId: 20 });
      const text = readFileSync(result!.file, "utf8");
      expect(text.trim().split("\n")).toHaveLength(20);
      const seal = JSON.parse(readFileSync(result!.sealFile, "utf8")) as { sha256: string; signature: string; headHash: string; count: number };
      expect(seal.sha256).toBe(createHash("sha256").update(text).digest("hex"));
      const signed = JSON.parse(new TextDecoder().decode((await compactVerify(seal.signature, key.publicKey)).payload)) as { headHash: string; count: number };
      expect(signed).toMatchObject({ headHash: seal.headHash, count: 20 });
      expect(db.prepare("SELECT min(id) AS lo, count(*) AS n FROM access_records").get()).toEqual({ lo: 21, n: 10 });
      expect(await verifyAuditChain(db, () => key.publicKey)).toMatchObject({ ok: true, records: 10 });
      // What was not archived still cannot be deleted.
      expect(() => db.prepare("DELETE FROM audit_records WHERE id = 21").run()).toThrow(/archived/);
      expect(await archiveBefore(db, day(21), join(dir.path, "audit-archive"), checkpointSigner(() => key))).toBeNull();
    } finally {
      db.close();
    }
  });
});
