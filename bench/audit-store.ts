import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import type Database from "better-sqlite3";
import type { AccessEvent } from "../audit/access-event.js";
import { AuditWriter } from "../audit/audit-writer.js";
import { checkpointSigner } from "../audit/checkpoint-signer.js";
import { GENESIS_HASH, recordHash } from "../audit/chain.js";
import { AUDIT_STORE_FILE, auditMigrations } from "../audit/migrations.js";
import { verifyAuditChain } from "../audit/verify-chain.js";
import type { DecisionReason, ShareDecision } from "../directives/share/evaluate.js";
import { loadOrCreatePlatformKey, type PlatformKey } from "../gateway/identity/platform-key.js";
import { openStore } from "../storage/sqlite-store.js";

/**
 * Write throughput of the audit store as the gateway uses it: `AuditWriter` (group commit:
 * every append of one event-loop turn shares a transaction, made durable by an fdatasync of
 * the WAL off the event loop, storage/wal-sync.ts), concurrent "requests" each appending one request's events and awaiting
 * durability before their next one. Then the whole chain is re-verified.
 */

const CONCURRENCY = 64;
const EVENTS_PER_REQUEST = 12;
const DURATION_MS = 5_000;
/** Short second run with `onStatement` set, to count transactions by their BEGIN. */
const LOGGED_DURATION_MS = 2_000;
const TARGET_RECORDS_PER_S = 50_000;

const OWNERS = ["water", "atmosphere", "soil", "nuclear", "permits", "enforcement", "info-center", "registry"];
const UNITS = ["water", "atmosphere", "soil", "nuclear", "permits", "enforcement", "info-center", "ext:city-a", "ext:city-b", "cac-office"];

function requestEvents(n: number): AccessEvent[] {
  const unit = UNITS[n % UNITS.length]!;
  const at = new Date().toISOString();
  // As the HTTP layer makes them: random UUIDs (random keys in the request_id index).
  const requestId = randomUUID();
  const events: AccessEvent[] = [];
  for (let i = 0; i < EVENTS_PER_REQUEST; i++) {
    const owner = OWNERS[(n + i) % OWNERS.length]!;
    const r = (n * 31 + i * 7) % 20;
    const decision: ShareDecision = r < 17 ? "ALLOWED" : r < 19 ? "DENIED" : "MASKED";
    const reason: DecisionReason = decision === "ALLOWED" ? (owner === unit ? "OWN_DATA" : "SHARED") : decision === "DENIED" ? "NOT_SHARED" : "SHARED";
    events.push({
      at,
      requestId,
      unit,
      principal: `${unit}-officer-${n % 17}`,
      purpose: "WORK_REFERENCE",
      coordinate: `Enterprise.field${i}`,
      owner,
      shareClass: decision === "DENIED" ? "NOT_SHARED" : "CONDITIONAL",
      decision,
      reason,
      grantId: null,
      operationName: "BenchQuery",
      operationHash: "9f2c4b0d6a1e3f5c7b9d2e4f6a8c0b1d3e5f7a9c2b4d6e8f0a1c3e5b7d9f2a4c",
      clientName: "bench",
      clientVersion: "1.0",
      valueCount: decision === "DENIED" ? 0 : 100,
      policyVersion: "p-bench-1",
    });
  }
  return events;
}

interface WriteResult {
  readonly appends: number;
  readonly records: number;
  readonly seconds: number;
  readonly latencies: number[];
}

/** `CONCURRENCY` request loops, each appending one request's events and awaiting them, for `durationMs`. */
async function drive(writer: AuditWriter, durationMs: number): Promise<WriteResult> {
  let appends = 0;
  let sequence = 0;
  const latencies: number[] = [];
  const start = performance.now();
  const deadline = start + durationMs;
  let last = start;
  const loop = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const events = requestEvents(sequence++);
      const t0 = performance.now();
      await writer.append(events);
      const t1 = performance.now();
      latencies.push(t1 - t0);
      last = Math.max(last, t1);
      appends++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, loop));
  return { appends, records: appends * EVENTS_PER_REQUEST, seconds: (last - start) / 1000, latencies };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const load = (): string => loadavg().map((x) => x.toFixed(2)).join(" ");
const fmt = (x: number): string => Math.round(x).toLocaleString("en-US");

/** Runs one writer over a fresh store; `countBegins` opens it with `onStatement` counting BEGINs. */
async function run(dir: string, key: PlatformKey, durationMs: number, countBegins: boolean) {
  const file = join(dir, AUDIT_STORE_FILE);
  let begins = 0;
  let transactions = 0;
  const db: Database.Database = openStore({
    file,
    migrations: auditMigrations,
    ...(countBegins
      ? {
          onStatement: (sql: string) => {
            if (sql.startsWith("BEGIN")) begins++;
          },
        }
      : {}),
  });
  // Without the statement logger (it expands every INSERT's SQL, which costs), count the
  // writer's transactions where it opens them: one `db.transaction(...)` per flush.
  const original = db.transaction.bind(db);
  db.transaction = ((fn: (...args: unknown[]) => unknown) => {
    transactions++;
    return original(fn);
  }) as typeof db.transaction;
  const writer = new AuditWriter(db, checkpointSigner(() => key));
  const beginsBefore = begins;
  const cpu0 = process.cpuUsage();
  const result = await drive(writer, durationMs);
  const cpu = process.cpuUsage(cpu0);
  const txDuring = transactions;
  const beginsDuring = begins - beginsBefore;
  await writer.close();
  const checkpoints = (db.prepare("SELECT count(*) AS n FROM audit_checkpoints").get() as { n: number }).n;
  return { db, file, result, transactions: txDuring, begins: beginsDuring, checkpoints, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

/** `npm run bench`: records/s the audit store sustains through AuditWriter, then chain verification speed. */
export async function benchAuditStore(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "ecofed-bench-audit-store-"));
  try {
    const key = await loadOrCreatePlatformKey(dir);
    console.log("");
    console.log(
      `audit store write throughput: AuditWriter (group commit, WAL, each commit fdatasync'ed off the event loop) in ${dir}; ${CONCURRENCY} concurrent requests × ${EVENTS_PER_REQUEST} events per append, closed loop, ${DURATION_MS / 1000} s`,
    );
    console.log(`  ${cpus().length} cores, shared with anything else running; load average (1/5/15 min) at start ${load()}`);

    const main = await run(dir, key, DURATION_MS, false);
    const r = main.result;
    const recPerS = r.records / r.seconds;
    const sorted = [...r.latencies].sort((a, b) => a - b);
    console.log(
      `  ${fmt(recPerS)} records/s, ${fmt(r.appends / r.seconds)} appends/s (${fmt(r.records)} records in ${r.seconds.toFixed(2)} s); ` +
        `target ≥ ${fmt(TARGET_RECORDS_PER_S)} records/s: ${recPerS >= TARGET_RECORDS_PER_S ? "meets" : "BELOW"}`,
    );
    console.log(
      `  ${fmt(main.transactions)} transactions, mean ${(r.records / Math.max(1, main.transactions)).toFixed(1)} records (${(r.appends / Math.max(1, main.transactions)).toFixed(1)} appends) per transaction; ` +
        `append latency (to durable) p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms; ${main.checkpoints} signed checkpoints`,
    );

    // Where the time goes: CPU of this (single-threaded) process against wall time, and the
    // chain hash alone, per record.
    const sample = Array.from({ length: 2_000 }, (_, i) => requestEvents(i)).flat();
    const h0 = performance.now();
    let h = GENESIS_HASH;
    for (let i = 0; i < sample.length; i++) h = recordHash(h, i + 1, sample[i]!);
    const hashUs = ((performance.now() - h0) * 1000) / sample.length;
    console.log(
      `  process CPU ${main.cpuSeconds.toFixed(2)} s over ${r.seconds.toFixed(2)} s wall (${((main.cpuSeconds / r.seconds) * 100).toFixed(0)} % of one core); ` +
        `per record ${((r.seconds * 1e6) / r.records).toFixed(1)} µs wall, of which recordHash alone ≈ ${hashUs.toFixed(1)} µs`,
    );

    // Cross-check of the transaction count by BEGIN through onStatement, in a second store.
    const loggedDir = join(dir, "logged");
    const logged = await run(loggedDir, key, LOGGED_DURATION_MS, true);
    const lr = logged.result;
    console.log(
      `  with onStatement set (${LOGGED_DURATION_MS / 1000} s, separate store): ${logged.begins} BEGINs for ${logged.transactions} transactions, mean ${(lr.records / Math.max(1, logged.begins)).toFixed(1)} records per BEGIN; ` +
        `${fmt(lr.records / lr.seconds)} records/s (the logger expands each INSERT's SQL: slower, not the gateway's configuration)`,
    );
    logged.db.close();

    // Verification of the whole chain and every checkpoint, as auditIntegrity runs it.
    const t0 = performance.now();
    const integrity = await verifyAuditChain(main.db, () => key.publicKey);
    const seconds = (performance.now() - t0) / 1000;
    const size = statSync(main.file).size + (statSync(`${main.file}-wal`, { throwIfNoEntry: false })?.size ?? 0);
    console.log(
      `  verifyAuditChain: ok=${integrity.ok}${integrity.ok ? "" : ` (${integrity.problem})`}, ${fmt(integrity.records)} records in ${seconds.toFixed(2)} s = ${fmt(integrity.records / seconds)} records/s verified; store ${(size / 1024 / 1024).toFixed(0)} MiB`,
    );
    main.db.close();
    if (!integrity.ok || integrity.records !== r.records) {
      throw new Error(`audit chain verification failed: ok=${integrity.ok}, ${integrity.records} records (wrote ${r.records}): ${integrity.problem}`);
    }
    console.log(`  load average at end ${load()}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
