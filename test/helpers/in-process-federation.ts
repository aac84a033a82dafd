import type { ShareClass } from "../../directives/share/rule.js";
import type { GrantSource } from "../../gateway/enforcement/grant-source.js";
import { gatewayTls } from "../../gateway/identity/gateway-tls.js";
import { loadOrCreatePlatformKey } from "../../gateway/identity/platform-key.js";
import { PlatformPublicKeys } from "../../subgraphs/_kit/platform-public-keys.js";
import { governanceUnit } from "../../subgraphs/governance/index.js";
import { auditUnit } from "../../subgraphs/audit/index.js";
import { REPLICA_ID_ENV } from "../../audit/witness.js";
import { REDIS_PREFIX_ENV } from "../../governance/published-state.js";
import { serveGateway, type RunningGateway } from "../../gateway/serve-gateway.js";
import { composeSupergraph } from "../../schema/compose.js";
import { buildUnitSubgraph } from "../../subgraphs/_kit/build-subgraph.js";
import { loadUnits } from "../../subgraphs/registry.js";
import { tempDir } from "./temp-dir.js";
import { startUnit, type UnitUnderTest } from "./unit-server.js";

export interface InProcessFederation {
  readonly dataDir: string;
  readonly gateway: RunningGateway;
  readonly supergraphSdl: string;
  /** Each unit's server, with the SQL statements it ran (to prove what was never asked). */
  readonly units: ReadonlyMap<string, UnitUnderTest>;
  /** The GraphQL documents the gateway sent to units since the last reset. */
  subgraphQueries(): { unit: string; query: string }[];
  resetStatements(): void;
  stop(): Promise<void>;
}

/**
 * The demo federation in this process: every unit on 127.0.0.1:0 with its own SQLite file,
 * the gateway over their composed supergraph. Faster than `ecofed start`, and it lets a
 * test see each unit's SQL.
 */
export async function startInProcessFederation(
  options: {
    defaultClass?: ShareClass | null;
    grants?: GrantSource;
    auditFailOpen?: boolean;
    tls?: boolean;
    /** Grants and suspensions shared through Redis, under this federation's own key prefix. */
    redis?: { url: string; prefix: string };
    /** Lowered to test the caches' budgets. */
    decisionCacheBytes?: number;
    documentCacheBytes?: number;
    planCacheBytes?: number;
    /** A built console to serve at /console (none by default). */
    consoleDir?: string;
  } = {},
): Promise<InProcessFederation> {
  const dir = tempDir("fed");
  await loadOrCreatePlatformKey(dir.path);
  // The units read the platform's public keys from the data dir, as `ecofed subgraph` does.
  const key = new PlatformPublicKeys(dir.path);
  const units = new Map<string, UnitUnderTest>();
  // One data dir, as `npm start` has: the audit subgraph serves the log the gateway writes there.
  const redis = options.redis;
  const publishing = redis ? governanceUnit({ redisUrl: redis.url, env: { ...process.env, [REDIS_PREFIX_ENV]: redis.prefix } }) : null;
  // The audit unit reads the witness where this federation's gateway writes it (never the shell's REDIS_URL).
  const auditing = auditUnit({ redisUrl: redis?.url ?? null, env: { ...process.env, [REDIS_PREFIX_ENV]: redis?.prefix, [REPLICA_ID_ENV]: undefined } });
  for (const unit of await loadUnits()) {
    const own = unit.code === auditing.code ? auditing : publishing && unit.code === publishing.code ? publishing : unit;
    units.set(unit.code, await startUnit(own, key, dir.path, options.documentCacheBytes ? { documentCacheBytes: options.documentCacheBytes } : {}));
  }
  const composed = composeSupergraph(
    await Promise.all(
      [...units.values()].map(async (u) => ({
        name: u.running.unit,
        url: u.running.url,
        sdl: (await buildUnitSubgraph((await loadUnits()).find((x) => x.code === u.running.unit)!)).sdl,
      })),
    ),
  );
  if (!composed.ok) throw new Error(composed.errors.join("\n"));
  // The gateway's data sources capture the global fetch when they are built: record through it.
  const queries: { unit: string; query: string }[] = [];
  const unitOf = new Map([...units.values()].map((u) => [u.running.url, u.running.unit]));
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
    const unit = unitOf.get(String(input));
    if (unit && typeof init?.body === "string") queries.push({ unit, query: (JSON.parse(init.body) as { query: string }).query });
    return realFetch(input, init);
  }) as typeof fetch;
  const gateway = await serveGateway(
    {
      host: "127.0.0.1",
      port: 0,
      dataDir: dir.path,
      defaultClass: options.defaultClass ?? null,
      auditFailOpen: options.auditFailOpen ?? false,
      ...(redis ? { redisUrl: redis.url, redisPrefix: redis.prefix } : {}),
      ...(options.decisionCacheBytes ? { decisionCacheBytes: options.decisionCacheBytes } : {}),
      ...(options.documentCacheBytes ? { documentCacheBytes: options.documentCacheBytes } : {}),
      ...(options.planCacheBytes ? { planCacheBytes: options.planCacheBytes } : {}),
      ...(options.tls ? { tls: await gatewayTls(dir.path, "127.0.0.1") } : {}),
      ...(options.consoleDir ? { consoleDir: options.consoleDir } : {}),
    },
    composed.supergraphSdl,
    options.grants ? { grants: options.grants } : {},
  );
  return {
    dataDir: dir.path,
    gateway,
    supergraphSdl: composed.supergraphSdl,
    units,
    subgraphQueries: () => [...queries],
    resetStatements: () => {
      queries.splice(0);
      for (const u of units.values()) u.resetStatements();
    },
    stop: async () => {
      globalThis.fetch = realFetch;
      await gateway.close();
      for (const u of units.values()) await u.stop();
      dir.remove();
    },
  };
}
