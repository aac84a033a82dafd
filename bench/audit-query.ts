import { createHash, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import type Database from "better-sqlite3";
import type { AccessEvent } from "../audit/access-event.js";
import { AuditStrings } from "../audit/audit-strings.js";
import { GENESIS_HASH, recordHash } from "../audit/chain.js";
import { AUDIT_STORE_FILE, auditMigrations } from "../audit/migrations.js";
import { INSERT_STORED_RECORD, storedParams } from "../audit/record-row.js";
import type { DecisionReason, ShareDecision } from "../directives/share/evaluate.js";
import type { ShareClass, SharePurpose } from "../directives/share/rule.js";
import { openStore } from "../storage/sqlite-store.js";
import type { AccessLogFilter } from "../subgraphs/audit/access-log-filter.js";
import { AccessStatsDimension, TimeBucket } from "../subgraphs/audit/access-stats.js";
import { AuditRepository } from "../subgraphs/audit/repository.js";
import type { Visibility } from "../subgraphs/audit/visibility.js";

/**
 * Query latency of the audit subgraph's repository over a large audit log: a store filled
 * with N synthetic records through the real schema, then `page(50)` and `count()` (what
 * `accessLog` runs: one page plus totalCount) under each filter the security team uses,
 * and one `accessStats`. N from AUDIT_BENCH_RECORDS (default 2,000,000).
 */

const DEFAULT_RECORDS = 2_000_000;
const RUNS = 5;
const PAGE = 50;
const SLOW_MS = 500;
const FILL_TX_ROWS = 100_000;
const DAYS = 30;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Hashing every record costs a few µs (bench/audit-store.ts prints it); above this many records the fill uses a constant hash. */
const HASH_LIMIT = Number(process.env["AUDIT_BENCH_HASH_LIMIT"] ?? 3_000_000);

// ---------------------------------------------------------------------------------------
// Synthetic data: deterministic (seeded) and shaped like the gateway's records — one
// record per coordinate per request, requests of ≈ 12 coordinates from a few owners.

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks by weight; weights need not sum to 1. */
function weighted<T>(random: () => number, items: readonly T[], weights: readonly number[]): () => T {
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative = weights.map(((sum) => (w: number) => (sum += w / total))(0));
  return () => {
    const r = random();
    const i = cumulative.findIndex((c) => r < c);
    return items[i < 0 ? items.length - 1 : i]!;
  };
}

const OWNERS = ["enforcement", "permits", "water", "atmosphere", "info-center", "soil", "nuclear", "audit"] as const;
const OWNER_TYPES: Record<(typeof OWNERS)[number], readonly string[]> = {
  enforcement: ["Enterprise", "Penalty", "Inspection"],
  permits: ["Enterprise", "Permit"],
  water: ["Enterprise", "WaterOutfall"],
  atmosphere: ["Enterprise", "AirStation"],
  "info-center": ["Enterprise", "Division"],
  soil: ["Enterprise", "SoilSite"],
  nuclear: ["Enterprise", "RadiationSource"],
  audit: ["Query", "AccessRecord"],
};
const FIELDS = ["id", "name", "creditCode", "status", "date", "kind", "amountYuan", "category", "number", "division", "informant", "readings"];

interface Coordinate {
  readonly coordinate: string;
  readonly owner: string;
  readonly shareClass: ShareClass | null;
}

/** ≈ 60 coordinates: ≈ 7–8 per owner, each owned by one owner. */
function coordinates(random: () => number): Coordinate[] {
  const all: Coordinate[] = [];
  const classes: (ShareClass | null)[] = ["UNCONDITIONAL", "CONDITIONAL", "CONDITIONAL", "NOT_SHARED", null];
  for (const owner of OWNERS) {
    const types = OWNER_TYPES[owner];
    const seen = new Set<string>();
    while (seen.size < 7 + (owner.length % 2)) {
      const type = types[Math.floor(random() * types.length)]!;
      const field = FIELDS[Math.floor(random() * FIELDS.length)]!;
      const name = type === "Enterprise" ? `Enterprise.${owner.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}${field[0]!.toUpperCase()}${field.slice(1)}` : `${type}.${field}`;
      if (seen.has(name)) continue;
      seen.add(name);
      all.push({ coordinate: name, owner, shareClass: classes[Math.floor(random() * classes.length)]! });
    }
  }
  return all;
}

const UNITS = ["enforcement", "permits", "water", "atmosphere", "info-center", "soil", "nuclear", "cac-office", "ext:provincial-platform", "ext:city-bureau"];
const PURPOSES: readonly SharePurpose[] = ["ADMINISTRATIVE_BASIS", "WORK_REFERENCE", "DATA_VERIFICATION", "BUSINESS_COLLABORATION"];

class Generator {
  private readonly random = mulberry32(20_240_601);
  private readonly unit = weighted(this.random, UNITS, [22, 16, 14, 12, 10, 8, 5, 6, 4, 3]);
  private readonly purpose = weighted(this.random, PURPOSES, [30, 40, 20, 10]);
  private readonly decision = weighted<ShareDecision>(this.random, ["ALLOWED", "DENIED", "MASKED"], [85, 10, 5]);
  readonly coordinates: Coordinate[];
  /** ≈ 40 operations, each a fixed set of 4–20 coordinates (≈ 12) over one to three owners. */
  private readonly operations: { name: string; hash: string; coordinates: Coordinate[] }[];
  private readonly operation: () => { name: string; hash: string; coordinates: Coordinate[] };
  readonly counts = { owner: new Map<string, number>(), unit: new Map<string, number>(), coordinate: new Map<string, number>(), pair: new Map<string, number>() };

  constructor() {
    this.coordinates = coordinates(this.random);
    const ownerPick = weighted(this.random, OWNERS, [24, 20, 14, 12, 10, 8, 7, 5]);
    this.operations = Array.from({ length: 40 }, (_, i) => {
      const owners = new Set<string>(Array.from({ length: 1 + Math.floor(this.random() * 3) }, () => ownerPick()));
      const pool = this.coordinates.filter((c) => owners.has(c.owner));
      const size = Math.min(pool.length, 4 + Math.floor(this.random() * 17));
      const chosen = [...pool].sort(() => this.random() - 0.5).slice(0, size);
      return { name: `Operation${i}`, hash: createHash("sha256").update(`Operation${i}`).digest("hex"), coordinates: chosen };
    });
    this.operation = weighted(this.random, this.operations, this.operations.map((_, i) => 1 / (i + 1) ** 0.7));
  }

  /** One request's events, at `atMs`. */
  request(atMs: number): AccessEvent[] {
    const unit = this.unit();
    const op = this.operation();
    const at = new Date(atMs).toISOString();
    const requestId = randomUUID();
    const principal = `${unit}-officer-${Math.floor(this.random() * 40)}`;
    const purpose = this.random() < 0.1 ? null : this.purpose();
    const client = this.random() < 0.7 ? { name: "ecofed-console", version: "2.3.1" } : { name: null, version: null };
    return op.coordinates.map((c) => {
      const own = c.owner === unit;
      const decision: ShareDecision = own ? "ALLOWED" : this.decision();
      const reason: DecisionReason = own ? "OWN_DATA" : decision === "ALLOWED" ? "SHARED" : decision === "MASKED" ? "SHARED" : c.shareClass === null ? "UNCLASSIFIED" : "NOT_SHARED";
      this.bump("owner", c.owner);
      this.bump("unit", unit);
      this.bump("coordinate", c.coordinate);
      this.bump("pair", `${c.owner}\0${unit}`);
      return {
        at,
        requestId,
        unit,
        principal,
        purpose,
        coordinate: c.coordinate,
        owner: c.owner,
        shareClass: c.shareClass,
        decision,
        reason,
        grantId: decision === "ALLOWED" && !own && this.random() < 0.3 ? `grant-${Math.floor(this.random() * 200)}` : null,
        operationName: op.name,
        operationHash: op.hash,
        clientName: client.name,
        clientVersion: client.version,
        valueCount: decision === "DENIED" ? 0 : Math.floor(this.random() * 500),
        policyVersion: "policy-7f3a9c",
      };
    });
  }

  /** The (owner, requesting unit) pair with the fewest records: the worst case for a page (a scan that finds few). */
  rarestPair(): { owner: string; unit: string } {
    let best = { owner: OWNERS[0] as string, unit: UNITS[0]!, n: Infinity };
    for (const owner of OWNERS) {
      for (const unit of UNITS) {
        const n = this.counts.pair.get(`${owner}\0${unit}`) ?? 0;
        if (n < best.n && owner !== unit) best = { owner, unit, n };
      }
    }
    return best;
  }

  private bump(kind: "owner" | "unit" | "coordinate" | "pair", key: string): void {
    const map = this.counts[kind];
    map.set(key, (map.get(key) ?? 0) + 1);
  }

  top(kind: "owner" | "unit" | "coordinate", where: (key: string) => boolean = () => true): string {
    return [...this.counts[kind]].filter(([k]) => where(k)).sort((a, b) => b[1] - a[1])[0]![0];
  }
}

// ---------------------------------------------------------------------------------------

interface Filled {
  readonly records: number;
  readonly seconds: number;
  readonly hashed: boolean;
  readonly startMs: number;
  readonly middleRequestId: string;
  readonly generator: Generator;
}

/** Fills the store with one prepared INSERT in transactions of FILL_TX_ROWS rows. */
function fill(db: Database.Database, n: number, hashed: boolean): Filled {
  const generator = new Generator();
  // As the writer stores them: strings through the dictionary.
  const strings = new AuditStrings(db);
  const insert = db.prepare(INSERT_STORED_RECORD);
  // As the writer does: each request's id range, which the requestId filter looks up.
  const insertRequest = db.prepare(`INSERT INTO audit_requests (request_id, first_id, last_id) VALUES (?, ?, ?)`);
  const endMs = Date.now() - HOUR_MS;
  const startMs = endMs - DAYS * DAY_MS;
  // Requests spread evenly over the 30 days (≈ 12 records each), in id order.
  const msPerRecord = (DAYS * DAY_MS) / n;
  const constant = "c".repeat(64);
  let id = 0;
  let prevHash = GENESIS_HASH;
  let middleRequestId = "";
  const t0 = performance.now();
  const batch = db.transaction((until: number) => {
    while (id < until) {
      const events = generator.request(startMs + id * msPerRecord);
      const first = id + 1;
      for (const e of events) {
        if (id >= n) break;
        id++;
        const hash = hashed ? recordHash(prevHash, id, e) : constant;
        insert.run(storedParams(id, e, hashed ? prevHash : constant, hash, strings));
        prevHash = hash;
      }
      if (id >= first) insertRequest.run(events[0]!.requestId, first, id);
      if (!middleRequestId && id >= n / 2) middleRequestId = events[0]!.requestId;
    }
  });
  while (id < n) {
    batch(Math.min(n, id + FILL_TX_ROWS));
    if (process.stdout.isTTY) process.stdout.write(`\r  filling: ${id.toLocaleString("en-US")} records`);
  }
  if (process.stdout.isTTY) process.stdout.write("\r\x1b[K");
  return { records: n, seconds: (performance.now() - t0) / 1000, hashed, startMs, middleRequestId, generator };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function time<T>(fn: () => T): { ms: number; result: T } {
  let result!: T;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    result = fn();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), result };
}

const load = (): string => loadavg().map((x) => x.toFixed(2)).join(" ");
const fmt = (x: number): string => Math.round(x).toLocaleString("en-US");

/** `npm run bench`: accessLog page + totalCount and accessStats latency over a large audit log. */
export async function benchAuditQuery(): Promise<void> {
  const n = Number(process.env["AUDIT_BENCH_RECORDS"] ?? DEFAULT_RECORDS);
  if (!Number.isInteger(n) || n < 1_000) throw new Error(`AUDIT_BENCH_RECORDS must be an integer ≥ 1000, got "${process.env["AUDIT_BENCH_RECORDS"]}"`);
  const dir = mkdtempSync(join(tmpdir(), "ecofed-bench-audit-query-"));
  const file = join(dir, AUDIT_STORE_FILE);
  try {
    console.log("");
    console.log(`audit query latency: ${fmt(n)} synthetic records (AUDIT_BENCH_RECORDS; the issue's scale is ≥ 10,000,000) in ${dir}`);
    console.log(`  ${cpus().length} cores, shared with anything else running; load average (1/5/15 min) at start ${load()}`);

    // Fill through the real schema (auditMigrations), on a connection tuned for bulk load.
    const hashed = n <= HASH_LIMIT;
    const writer = openStore({ file, migrations: auditMigrations });
    writer.pragma("journal_mode = OFF");
    writer.pragma("synchronous = OFF");
    writer.pragma("cache_size = -1048576");
    const filled = fill(writer, n, hashed);
    writer.pragma("journal_mode = WAL");
    writer.close();
    const size = statSync(file).size;
    console.log(
      `  fill: ${fmt(n)} records in ${filled.seconds.toFixed(1)} s (${fmt(n / filled.seconds)} records/s; one prepared INSERT, ${fmt(FILL_TX_ROWS)} rows per transaction, every index in place, journal off, synchronous OFF); ` +
        `${hashed ? "chained hashes computed with recordHash" : `hashes filled with a constant (more than ${fmt(HASH_LIMIT)} records: hashing would add a few µs per record; query timing does not depend on them)`}; file ${(size / 2 ** 30).toFixed(2)} GiB`,
    );

    // Query as the audit subgraph does: its own connection, openStore's defaults.
    let lastSql = "";
    const db = openStore({
      file,
      migrations: auditMigrations,
      onStatement: (sql) => {
        lastSql = sql;
      },
    });
    const repository = new AuditRepository(db);
    const plan = (): string => {
      const rows = db.prepare(`EXPLAIN QUERY PLAN ${lastSql}`).all() as { detail: string }[];
      return rows
        .map((r) =>
          r.detail
            .replace(/^SCAN audit_records$/, "full scan by id")
            .replace(/^(SEARCH|SCAN) audit_records USING (COVERING )?INDEX /, (_m, how: string, covering?: string) => `${how === "SCAN" ? "scan " : ""}${covering ? "covering " : ""}`)
            .replace(/^SEARCH audit_records USING INTEGER PRIMARY KEY/, "rowid range"),
        )
        .join("; ");
    };

    const g = filled.generator;
    const topOwner = g.top("owner");
    const topUnit = g.top("unit");
    const topCoordinate = g.top("coordinate");
    const ownersCoordinate = g.top("coordinate", (c) => g.coordinates.find((x) => x.coordinate === c)!.owner === topOwner);
    const rare = g.rarestPair();
    const hourFrom = new Date(filled.startMs + 15 * DAY_MS + 10 * HOUR_MS).toISOString();
    const hourTo = new Date(filled.startMs + 15 * DAY_MS + 11 * HOUR_MS).toISOString();
    const dayFrom = new Date(Math.ceil((filled.startMs + 15 * DAY_MS) / DAY_MS) * DAY_MS).toISOString();
    const dayTo = new Date(Date.parse(dayFrom) + DAY_MS).toISOString();
    const all: Visibility = { kind: "all" };
    const cases: { label: string; visibility: Visibility; filter: AccessLogFilter | null }[] = [
      { label: "no filter", visibility: all, filter: null },
      { label: `owner ${topOwner} (most frequent)`, visibility: all, filter: { owner: topOwner } },
      { label: `unit ${topUnit} (most frequent)`, visibility: all, filter: { unit: topUnit } },
      { label: `coordinate ${topCoordinate} (most frequent)`, visibility: all, filter: { coordinate: topCoordinate } },
      { label: "decision DENIED", visibility: all, filter: { decision: "DENIED" } },
      { label: "requestId (one request)", visibility: all, filter: { requestId: filled.middleRequestId } },
      { label: "one-hour from/to window (day 15)", visibility: all, filter: { from: hourFrom, to: hourTo } },
      { label: `owner ${topOwner} + decision DENIED`, visibility: all, filter: { owner: topOwner, decision: "DENIED" } },
      { label: `visibility owner ${topOwner} + coordinate ${ownersCoordinate}`, visibility: { kind: "owner", owner: topOwner }, filter: { coordinate: ownersCoordinate } },
      { label: `visibility owner ${rare.owner} + unit ${rare.unit} (rarest pair)`, visibility: { kind: "owner", owner: rare.owner }, filter: { unit: rare.unit } },
    ];

    const slow: string[] = [];
    const rows: string[][] = [];
    for (const c of cases) {
      const page = time(() => repository.page(c.visibility, c.filter, null, PAGE));
      const pagePlan = plan();
      const count = time(() => repository.count(c.visibility, c.filter));
      const countPlan = plan();
      if (page.ms > SLOW_MS) slow.push(`page: ${c.label}`);
      if (count.ms > SLOW_MS) slow.push(`count: ${c.label}`);
      rows.push([
        c.label,
        `${page.ms.toFixed(1)}${page.ms > SLOW_MS ? " !" : ""}`,
        `${count.ms.toFixed(1)}${count.ms > SLOW_MS ? " !" : ""}`,
        fmt(count.result),
        `${page.result.records.length}`,
        `page: ${pagePlan} | count: ${countPlan}`,
      ]);
    }
    const stats = time(() =>
      repository.stats(all, { from: dayFrom, to: dayTo }, [AccessStatsDimension.DECISION], TimeBucket.DAY),
    );
    const statsPlan = plan();
    const statsCount = stats.result.reduce((sum, r) => sum + Number(r["count"]), 0);
    if (stats.ms > SLOW_MS) slow.push("stats: DECISION by DAY over one day");
    db.close();

    const widths = [Math.max(...rows.map((r) => r[0]!.length), 10), 11, 11, 12, 5];
    const line = (cells: string[]): string =>
      `  ${cells[0]!.padEnd(widths[0]!)}${cells.slice(1, 5).map((c, i) => c.padStart(widths[i + 1]!)).join("")}  ${cells[5] ?? ""}`;
    console.log(`  median of ${RUNS} runs each, ms; "!" marks > ${SLOW_MS} ms. Visibility "all" (security) unless said; plans from EXPLAIN QUERY PLAN`);
    console.log(line(["filter", `page(${PAGE})`, "count", "totalCount", "rows", "plan"]));
    for (const r of rows) console.log(line(r));
    console.log(
      line([
        `stats DECISION, bucket DAY, ${dayFrom.slice(0, 10)}`,
        "",
        `${stats.ms.toFixed(1)}${stats.ms > SLOW_MS ? " !" : ""}`,
        fmt(statsCount),
        `${stats.result.length}`,
        statsPlan,
      ]),
    );
    console.log(
      slow.length === 0
        ? `  every query under ${SLOW_MS} ms at ${fmt(n)} records`
        : `  SLOW (> ${SLOW_MS} ms) at ${fmt(n)} records: ${slow.join("; ")}`,
    );
    console.log(`  load average at end ${load()}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
