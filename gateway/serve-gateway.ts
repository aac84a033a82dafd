import { ApolloServer } from "@apollo/server";
import { listenGraphQL } from "../server/graphql-http.js";
import { consoleFiles } from "../server/console-files.js";
import { deferStringify } from "../server/deferred-results.js";
import { closedNetworkPlugins } from "../server/closed-network-plugins.js";
import { closedNetworkGateway } from "./closed-network-gateway.js";
import { PlanningFailures } from "./enforcement/planning-failures.js";
import { DEFAULT_CACHE_BYTES, documentCache, queryPlanCache } from "../server/bounded-caches.js";
import { ConfigError, DEFAULT_REQUEST_DEADLINE_MS, DEFAULT_SUBGRAPH_TIMEOUT_MS, knownUnits, type GatewayConfig } from "./config.js";
import { EnforcingGateway } from "./enforcement/enforcing-gateway.js";
import { formatGatewayError } from "./enforcement/share-error.js";
import { apolloIntrospection, withIntrospectionCode } from "./enforcement/introspection-policy.js";
import type { GrantSource } from "./enforcement/grant-source.js";
import { GovernanceGrantSource } from "./governance/governance-grant-source.js";
import { RedisGovernanceReader } from "./governance/redis-governance-reader.js";
import { recordSupergraph } from "./governance/record-supergraph.js";
import { governanceKeys } from "../governance/published-state.js";
import { StoreGovernanceReader } from "./governance/store-governance-reader.js";
import { authenticate, type GatewayContext } from "./identity/authenticate.js";
import { checkClientStrings } from "./identity/client-strings.js";
import { VerifiedTokens } from "./identity/token.js";
import { caPaths } from "./identity/platform-ca.js";
import { openPlatformKeyring } from "./identity/platform-key.js";
import { RevocationList } from "./identity/revocation-list.js";
import { join } from "node:path";
import { AuditWriter } from "../audit/audit-writer.js";
import { archiveBefore } from "../audit/archive.js";
import { checkpointSigner, type CheckpointSigner } from "../audit/checkpoint-signer.js";
import { AUDIT_STORE_FILE, auditMigrations } from "../audit/migrations.js";
import { openAuditWitness } from "../audit/open-witness.js";
import { DEFAULT_REPLICA } from "../audit/witness.js";
import { openStore } from "../storage/sqlite-store.js";
import { UnitDataSource } from "./unit-data-source.js";
import { fetchCoordinateIndex } from "./fetch-coordinates.js";
import { requestDeadline, type WithDeadline } from "./request-deadline.js";
import { GatewayReadiness } from "./health/readiness.js";
import { supergraphUnits } from "./health/supergraph-units.js";
import { platformAssertion } from "./identity/assertion.js";
import { PROBE_PRINCIPAL } from "./health/unit-probe.js";

export interface RunningGateway {
  readonly url: string;
  readonly port: number;
  readonly enforcement: EnforcingGateway;
  close(): Promise<void>;
}

export interface GatewayParts {
  readonly grants?: GrantSource;
  /** Test and diagnosis only: see EnforcementOptions.forceRewrite. */
  readonly forceRewrite?: boolean;
  /** Benchmarks only (audit on vs off): no audit log at all. Never reachable from configuration. */
  readonly withoutAudit?: boolean;
  /**
   * Tests that count every connection a unit is sent (subgraph-timeouts) only: units are not
   * probed, so readiness leaves them out. Never reachable from configuration.
   */
  readonly withoutProbes?: boolean;
}

/**
 * Runs the federation gateway over a composed supergraph: every request authenticated,
 * every field decided before the query is planned. `/health` (= `/health/ready`) turns 200
 * only once the supergraph is loaded and the server answers, and stays 200 only while the
 * audit log is writable, governance readable and every unit answers its probes;
 * `/health/live` answers while the process serves at all.
 */
export async function serveGateway(config: GatewayConfig, supergraphSdl: string, parts: GatewayParts = {}): Promise<RunningGateway> {
  const keyring = await openPlatformKeyring(config.dataDir);
  const graphs = [...supergraphSdl.matchAll(/@join__graph\(name: "([^"]+)"/g)].map((m) => m[1]!);
  // Opened first: an unreachable Redis stops the start before anything else is open.
  const ownGrants = parts.grants ? null : await governanceGrants(config, graphs.includes(GOVERNANCE_UNIT));
  const grants = parts.grants ?? ownGrants!;
  // The audit log lives in the data dir; the audit subgraph serves the same file (CONTRACT §6).
  // The audit writer makes each commit durable itself (WalSync), off the event loop.
  const auditDb = openStore({ file: join(config.dataDir, AUDIT_STORE_FILE), migrations: auditMigrations });
  // Outside the log: what its latest signed checkpoint was, so a log emptied or replaced is found.
  const witness = await openAuditWitness({ ...config, replicaId: config.replicaId ?? DEFAULT_REPLICA }).catch((error: unknown) => {
    auditDb.close();
    throw new ConfigError((error as Error).message);
  });
  const signer = checkpointSigner(() => keyring.current());
  const auditWriter = new AuditWriter(auditDb, signer, { witness });
  await auditWriter.ready;
  const retention = config.auditRetentionDays ? scheduleRetention(auditDb, config.auditRetentionDays, join(config.dataDir, "audit-archive"), signer) : null;
  // Graph names from the supergraph served (`@join__graph(name:)`) are units too.
  const known = knownUnits(config, graphs);
  const tokens = new VerifiedTokens(keyring, known);
  const revocations = config.tls ? new RevocationList(caPaths(config.dataDir).revoked) : undefined;
  let ready = false;
  const fetchCoordinates = fetchCoordinateIndex(supergraphSdl);
  const planning = new PlanningFailures();
  const inner = closedNetworkGateway({
    supergraphSdl,
    buildService: ({ name, url }) => {
      if (!url) throw new Error(`subgraph "${name}" has no URL in the supergraph`);
      return new UnitDataSource(name, url, keyring, fetchCoordinates.forUnit(name), config.subgraphTimeoutMs ?? DEFAULT_SUBGRAPH_TIMEOUT_MS);
    },
    // Outside NODE_ENV=production Apollo shows its query plan to whoever sends
    // Apollo-Query-Plan-Experimental: never, whatever the environment says.
    __exposeQueryPlanExperimental: false,
    queryPlannerConfig: { cache: queryPlanCache(config.planCacheBytes ?? DEFAULT_CACHE_BYTES) },
    experimental_didResolveQueryPlan: planning.didResolveQueryPlan,
  });
  const enforcement = new EnforcingGateway(inner, {
    defaultClass: config.defaultClass,
    grants,
    forceRewrite: parts.forceRewrite ?? false,
    planning,
    introspection: config.introspection ?? "internal",
    ...(config.limits ? { limits: config.limits } : {}),
    ...(config.decisionCacheBytes ? { cacheBytes: config.decisionCacheBytes } : {}),
    ...(parts.withoutAudit ? {} : { audit: { reserve: () => auditWriter.reserve(), failOpen: config.auditFailOpen ?? false } }),
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway: enforcement,
    documentStore: documentCache(config.documentCacheBytes ?? DEFAULT_CACHE_BYTES),
    formatError: (formatted, error) => formatGatewayError(withIntrospectionCode(formatted), error),
    // Never left to NODE_ENV: on unless ECOFED_INTROSPECTION=off; who may is enforcement's to decide.
    introspection: apolloIntrospection(config.introspection ?? "internal"),
    includeStacktraceInErrorResponses: false,
    // `ecofed start` and `ecofed gateway` stop on SIGTERM themselves (cli/shutdown.ts); Apollo's
    // handler (on outside NODE_ENV=test) re-raised the signal and cut that stop short (exit 1).
    stopOnTerminationSignals: false,
    stringifyResult: deferStringify,
    plugins: closedNetworkPlugins(),
  });
  await apollo.start();
  let stopRecording = (): void => undefined;
  const readiness = new GatewayReadiness({
    units: parts.withoutProbes ? [] : supergraphUnits(supergraphSdl),
    sign: (fetch) => platformAssertion(keyring.current(), PROBE_PRINCIPAL, fetch),
    grants,
    audit: () => (parts.withoutAudit ? { ok: true } : auditWriter.health()),
    loaded: () => ready,
  });
  try {
    stopRecording = await recordSupergraph(supergraphSdl, keyring);
    // Before the port opens: its first answer is already what the probes found.
    await readiness.start();
    const http = await listenGraphQL({
      apollo,
      host: config.host,
      port: config.port,
      context: (req, requestId, body) => {
        // Counted from here, before authentication: every fetch of the request shares it.
        const deadline = requestDeadline(config.requestDeadlineMs ?? DEFAULT_REQUEST_DEADLINE_MS);
        checkClientStrings(req, body);
        return authenticate(req, requestId, { keyring, tokens, revocations, known }).then((context): GatewayContext & WithDeadline => ({ ...context, deadline }));
      },
      ...(config.tls ? { tls: config.tls } : {}),
      corsOrigins: config.corsOrigins ?? [],
      ...(config.consoleDir ? { console: consoleFiles(config.consoleDir) } : {}),
      healthy: () => readiness.health(),
    });
    ready = true;
    return {
      url: http.url,
      port: http.port,
      enforcement,
      close: async () => {
        ready = false;
        readiness.stop();
        stopRecording();
        await http.close();
        await apollo.stop();
        if (retention) clearInterval(retention);
        await auditWriter.close();
        auditDb.close();
        await witness.close();
        await ownGrants?.close();
      },
    };
  } catch (error) {
    readiness.stop();
    stopRecording();
    await apollo.stop();
    await auditWriter.close();
    auditDb.close();
    await witness.close();
    await ownGrants?.close();
    throw error;
  }
}

/** The graph whose unit decides grants and suspensions: a supergraph with it needs its state. */
const GOVERNANCE_UNIT = "governance";

/**
 * Replicas share grants through Redis when configured; one gateway reads the governance store
 * beside it. A supergraph with the governance unit and neither of them readable is a gateway
 * that would serve what the cac-office suspended: it does not start (fail closed).
 */
async function governanceGrants(config: GatewayConfig, governed: boolean): Promise<GovernanceGrantSource> {
  if (!config.redisUrl) {
    const reader = new StoreGovernanceReader(config.dataDir, governed);
    try {
      reader.version();
    } catch (error) {
      reader.close();
      throw new ConfigError(
        `no governance state to decide with: ${(error as Error).message} (set REDIS_URL to the governance unit's Redis, or ECOFED_DATA_DIR to its data dir)`,
      );
    }
    return new GovernanceGrantSource(reader);
  }
  try {
    return new GovernanceGrantSource(await RedisGovernanceReader.connect(config.redisUrl, governanceKeys(config.redisPrefix)));
  } catch (error) {
    throw new ConfigError(`REDIS_URL ${config.redisUrl} is unreachable: ${(error as Error).message}`);
  }
}

/** Archives records past their retention now and once a day (never silently dropped: sealed first). */
function scheduleRetention(db: Parameters<typeof archiveBefore>[0], days: number, dir: string, signer: CheckpointSigner): NodeJS.Timeout {
  const run = (): void => {
    archiveBefore(db, new Date(Date.now() - days * 86_400_000).toISOString(), dir, signer).then(
      (result) => result && console.log(`ecofed: audit retention archived records ${result.fromId}–${result.toId} to ${result.file}`),
      (error: unknown) => console.error(`ecofed: audit retention failed, nothing deleted: ${(error as Error).message}`),
    );
  };
  run();
  const timer = setInterval(run, 86_400_000);
  timer.unref();
  return timer;
}
