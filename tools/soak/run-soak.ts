import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { auditIntegrity } from "./audit-integrity.js";
import { snapshotBuild } from "./build-snapshot.js";
import { readDemoFacts } from "./demo-facts.js";
import { ecofedToken, exportAudit } from "./ecofed-cli.js";
import { explainGroups } from "./expectations.js";
import { faultSchedule, runFaults } from "./faults.js";
import { FederationProcess } from "./federation-process.js";
import { freePortRange } from "./free-ports.js";
import { LeakScanner } from "./leak-scan.js";
import { runLoad } from "./load.js";
import { LoopbackProxy } from "./loopback-proxy.js";
import { Reconciler } from "./reconcile.js";
import { RecoveryProbe } from "./recovery-probe.js";
import { RedisInstance } from "./redis-instance.js";
import { failures, formatReport } from "./report.js";
import { SeededRandom } from "./seeded-random.js";
import type { SoakOptions } from "./soak-options.js";
import { REQUESTER_UNITS } from "./workload.js";

/** Ports: the gateway at the base, its units after it, then the proxy and the private Redis. */
const PORT_BLOCK = 32;
const log = (line: string): void => console.error(line);

/**
 * One soak run: its own Redis behind its proxy, `ecofed start` over a data dir, the load and
 * the faults together, then the federation stopped and every answer reconciled. Prints the
 * report; resolves with the exit code (0: passed).
 */
export async function runSoak(options: SoakOptions): Promise<number> {
  const runDir = mkdtempSync(join(tmpdir(), "ecofed-soak-"));
  const dataDir = options.dataDir ? resolve(options.dataDir) : join(runDir, "data");
  mkdirSync(dataDir, { recursive: true });
  const base = await freePortRange(PORT_BLOCK);
  const stops: (() => Promise<unknown>)[] = [];
  const stopAll = async (): Promise<void> => {
    for (const stop of stops.splice(0).reverse()) await stop().catch((error: unknown) => log(`soak: while stopping: ${(error as Error).message}`));
  };
  const interrupted = (): void => {
    log("soak: interrupted; stopping what it started");
    void stopAll().finally(() => {
      log(`soak: kept ${runDir}`);
      process.exit(130);
    });
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  let passed = false;
  try {
    const redis = await RedisInstance.start(base + PORT_BLOCK - 1, join(runDir, "redis"), join(runDir, "redis.log"), process.env["SOAK_REDIS_SERVER"] || "redis-server");
    stops.push(() => redis.stop());
    const proxy = await LoopbackProxy.start(base + PORT_BLOCK - 2, redis.port);
    stops.push(() => proxy.close());
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ECOFED_DATA_DIR: dataDir,
      ECOFED_PORT: String(base),
      ECOFED_HOST: "127.0.0.1",
      REDIS_URL: proxy.url,
      APOLLO_TELEMETRY_DISABLED: "1",
    };
    // Fail closed is what is being checked.
    delete env["ECOFED_AUDIT_FAIL_OPEN"];
    const cli = { path: snapshotBuild(join(runDir, "build")), env };
    const federation = new FederationProcess(cli, join(runDir, "federation.log"));
    stops.push(() => federation.stop(30_000));
    log(`soak: run dir ${runDir}; private redis-server on 127.0.0.1:${redis.port} behind a proxy on :${proxy.port}`);
    log(`soak: starting ecofed (gateway on 127.0.0.1:${base}; a first start creates the demo data)`);
    await federation.start(300_000);
    const url = federation.gatewayUrl;

    const tokens = new Map<string, string>();
    for (const unit of REQUESTER_UNITS) tokens.set(unit, await ecofedToken(cli, unit, `soak-${unit.replace(/[^a-z-]/g, "-")}`));
    const probe = new RecoveryProbe(url, await ecofedToken(cli, "water", "soak-probe"));
    const security = await ecofedToken(cli, "info-center", "soak-auditor", ["security"]);
    const facts = readDemoFacts(dataDir);
    const groups = await explainGroups(url, tokens);
    const scanner = new LeakScanner(facts.denied);

    const settings = `${options.durationMs / 1000} s or ${options.maxRequests} requests, ${options.concurrency} clients, seed ${options.seed}; gateway 127.0.0.1:${base}, private redis :${redis.port} via proxy :${proxy.port}`;
    log(`soak: load for ${settings}`);
    const loadStarted = new Date();
    const t0 = performance.now();
    const load = runLoad(
      { url, durationMs: options.durationMs, maxRequests: options.maxRequests, concurrency: options.concurrency, seed: options.seed, responsesFile: join(runDir, "responses.ndjson") },
      { tokens, pool: facts.pool, groups, scanner },
    );
    const faults = runFaults({ federation, redis, proxy, probe, redisCutMs: options.redisCutMs, log }, faultSchedule(options.durationMs), new SeededRandom(options.seed), load);
    const answers = await load;
    const loadMs = performance.now() - t0;
    const outcomes = await faults;

    log("soak: load over; checking the federation serves, then stopping it");
    const cameBack = (await probe.waitUntilServing(90_000)) !== null && (await probe.healthy(30_000)) && federation.gaveUp.size === 0;
    const integrity = await auditIntegrity(url, security);
    const restarts = { units: federation.unitRestarts, gateway: federation.gatewayRestarts, redis: redis.restarts, redisCuts: proxy.cuts, orphansKilled: federation.orphansKilled };
    stops.pop();
    const stoppedCleanly = await federation.stop(30_000);

    log("soak: reconciling every answer against the audit log (ecofed audit export)");
    const reconciler = new Reconciler(answers, groups);
    await exportAudit(cli, new Date(loadStarted.getTime() - 60_000), new Date(Date.now() + 60_000), (record) => reconciler.feed(record));
    await stopAll();

    const figures = {
      settings,
      loadMs,
      answers,
      reconciliation: reconciler.result(),
      valuesScanned: scanner.valuesLookedFor,
      controlHits: scanner.controlHits,
      faults: outcomes,
      restarts,
      cameBack,
      stoppedCleanly,
      integrity,
    };
    console.log(formatReport(figures));
    passed = failures(figures).length === 0;
    return passed ? 0 : 1;
  } finally {
    await stopAll();
    process.off("SIGINT", interrupted);
    process.off("SIGTERM", interrupted);
    if (passed && !options.keep) rmSync(runDir, { recursive: true, force: true });
    else log(`soak: kept ${runDir} (federation.log, redis.log, responses.ndjson${options.dataDir ? "" : ", data/"})`);
  }
}
