import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { AUDIT_STORE_FILE } from "../audit/migrations.js";
import { loadOrCreatePlatformKey } from "../gateway/identity/platform-key.js";
import { signToken } from "../gateway/identity/token.js";
import { median, percentile, probe, runLoad, spawnUntil, startUnitsAndCompose, stopAll, warmUp, type RequestSpec, type Spawned } from "./harness.js";

/**
 * What the audit log costs the gateway: the ecofed gateway with the audit log (the normal
 * `ecofed gateway`) against the same gateway without it (bench/audit-gateway-off.ts), each
 * its own process over the same unit processes, alternating rounds (order swapped every
 * round), closed-loop load — gateway-throughput.ts's method.
 */

const CLI = fileURLToPath(new URL("../cli/main.js", import.meta.url));
const OFF = fileURLToPath(new URL("./audit-gateway-off.js", import.meta.url));

const ROUNDS = 6;
const ROUND_MS = 4_000;
const PAUSE_MS = 200;
const WARMUP_REQUESTS = 300;
const CONCURRENCY = 16;
const TARGET = 0.9;

type GatewayName = "audit on" | "audit off";
const GATEWAYS: readonly GatewayName[] = ["audit on", "audit off"];

const QUERY = "{ enterprises(first: 100) { nodes { creditCode name division { name } permit { permitNumber category } penalties { amountYuan } } } }";
const PURPOSE = "WORK_REFERENCE";

interface GraphQLBody {
  data?: { enterprises?: { nodes?: Record<string, unknown>[] } | null } | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

function check(body: GraphQLBody): string {
  const nodes = body.data?.enterprises?.nodes ?? [];
  if (body.errors?.length) throw new Error(`expected no errors, got ${body.errors.length}: ${body.errors[0]!.message}`);
  if (nodes.length === 0) throw new Error("expected enterprises, got none");
  return `${nodes.length} nodes, no errors`;
}

const load = (): string => loadavg().map((x) => x.toFixed(2)).join(" ");

// ---------------------------------------------------------------------------------------

/** `npm run bench`: gateway throughput with the audit log on vs off, query (a). */
export async function benchAuditGateway(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "ecofed-bench-audit-gw-"));
  const started: Spawned[] = [];
  const unitPids: number[] = [];
  const env = { ...process.env, NODE_ENV: "production", ECOFED_DATA_DIR: dataDir, ECOFED_PORT: "0" };
  const benchStart = performance.now();
  const loadAtStart = load();
  let auditDb: Database.Database | null = null;
  try {
    const supergraphFile = await startUnitsAndCompose(dataDir, env, started, unitPids);

    // Both gateways over the same data dir (platform key, audit file), NODE_ENV=production.
    const [on, off] = await Promise.all([
      spawnUntil([CLI, "gateway", "--supergraph", supergraphFile, "--port", "0"], env, /gateway ready at (\S+)/, started),
      spawnUntil([OFF, supergraphFile], env, /audit-off gateway ready at (\S+)/, started),
    ]);
    const urls = new Map<GatewayName, string>([
      ["audit on", on[1]!],
      ["audit off", off[1]!],
    ]);

    const key = await loadOrCreatePlatformKey(dataDir);
    const token = await signToken(key, { unit: "water", principal: "bench", roles: [] });
    // The audit file both gateways share: its record count shows which one writes.
    auditDb = new Database(join(dataDir, AUDIT_STORE_FILE), { readonly: true, fileMustExist: true });
    const countStatement = auditDb.prepare("SELECT count(*) AS n FROM access_records");
    const auditCount = (): number => (countStatement.get() as { n: number }).n;

    const specs = new Map<GatewayName, RequestSpec>(
      GATEWAYS.map((g) => [
        g,
        {
          url: urls.get(g)!,
          headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "x-share-purpose": PURPOSE },
          body: JSON.stringify({ query: QUERY }),
        },
      ]),
    );

    console.log("");
    console.log(
      `gateway throughput, audit log on vs off: ecofed gateway (\`ecofed gateway\`, audit on) vs the same gateway with withoutAudit (audit off), separate processes, NODE_ENV=production, over the same ${unitPids.length} unit processes`,
    );
    console.log(
      `  closed loop, concurrency ${CONCURRENCY}, node:http client (keep-alive); ${ROUNDS} rounds × ${ROUND_MS / 1000} s per gateway, order swapped each round; warm-up ${WARMUP_REQUESTS} requests each`,
    );
    console.log(
      `  NOTE: ${cpus().length} cores, shared by the load generator, the ${unitPids.length} units, both gateways and anything else running (load average 1/5/15 min now ${load()}): figures are relative`,
    );

    const expectedBytes = new Map<GatewayName, number>();
    const summaries: string[] = [];
    for (const g of GATEWAYS) {
      const spec = specs.get(g)!;
      const first = await probe(spec, check).catch((error: unknown) => {
        throw new Error(`${g}: ${(error as Error).message}`);
      });
      await warmUp(spec, WARMUP_REQUESTS, CONCURRENCY);
      const again = await probe(spec, check);
      expectedBytes.set(g, again.bytes);
      summaries.push(`${g}: ${first.summary}, ${(again.bytes / 1024).toFixed(1)} KiB`);
    }

    const rps = new Map<GatewayName, number[]>(GATEWAYS.map((g) => [g, []]));
    const lat = new Map<GatewayName, number[]>(GATEWAYS.map((g) => [g, []]));
    const requests = new Map<GatewayName, number>(GATEWAYS.map((g) => [g, 0]));
    const records = new Map<GatewayName, number>(GATEWAYS.map((g) => [g, 0]));
    const failures = new Map<GatewayName, { count: number; sample: string | null }>(GATEWAYS.map((g) => [g, { count: 0, sample: null }]));
    for (let r = 0; r < ROUNDS; r++) {
      const order = r % 2 === 0 ? GATEWAYS : [...GATEWAYS].reverse();
      for (const g of order) {
        const before = auditCount();
        const result = await runLoad(specs.get(g)!, ROUND_MS, expectedBytes.get(g)!, CONCURRENCY);
        records.set(g, records.get(g)! + auditCount() - before);
        requests.set(g, requests.get(g)! + result.requests);
        rps.get(g)!.push(result.rps);
        lat.get(g)!.push(...result.latencies);
        const f = failures.get(g)!;
        f.count += result.failures;
        f.sample ??= result.failureSample;
        await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
      }
    }

    console.log("");
    console.log(`(a) every field allowed: as water, purpose ${PURPOSE}`);
    console.log(`  ${QUERY}`);
    for (const s of summaries) console.log(`  checked ${s}`);
    console.log(`  ${"gateway".padEnd(12)}${"req/s".padStart(8)}${"p50 ms".padStart(9)}${"p99 ms".padStart(9)}${"records/req".padStart(13)}  req/s per round`);
    for (const g of GATEWAYS) {
      const sorted = [...lat.get(g)!].sort((a, b) => a - b);
      console.log(
        `  ${g.padEnd(12)}${median(rps.get(g)!).toFixed(1).padStart(8)}${percentile(sorted, 50).toFixed(1).padStart(9)}${percentile(sorted, 99).toFixed(1).padStart(9)}${(records.get(g)! / Math.max(1, requests.get(g)!)).toFixed(1).padStart(13)}  ${rps
          .get(g)!
          .map((x) => x.toFixed(0))
          .join(" ")}`,
      );
    }
    const onRps = rps.get("audit on")!;
    const offRps = rps.get("audit off")!;
    const ratio = median(onRps) / median(offRps);
    const perRound = onRps.map((x, i) => x / offRps[i]!);
    console.log(
      `  audit on / audit off throughput ${ratio.toFixed(2)} (median of per-round ratios ${median(perRound).toFixed(2)}, range ${Math.min(...perRound).toFixed(2)}–${Math.max(...perRound).toFixed(2)}); target ≥ ${TARGET}: ${ratio >= TARGET ? "meets" : "BELOW"}`,
    );
    if (records.get("audit on")! === 0) console.log("  WARNING: the audit-on gateway wrote no audit records: the comparison is void");
    if (records.get("audit off")! !== 0) console.log(`  WARNING: ${records.get("audit off")} audit records were written during the audit-off rounds`);
    for (const g of GATEWAYS) {
      const f = failures.get(g)!;
      if (f.count > 0) console.log(`  WARNING: ${g}: ${f.count} failed or changed responses (e.g. ${f.sample}); not counted`);
    }
    console.log(`  audit on vs off bench took ${((performance.now() - benchStart) / 1000).toFixed(0)} s; load average at start ${loadAtStart}, at end ${load()}`);
  } finally {
    auditDb?.close();
    await stopAll(started, unitPids);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
