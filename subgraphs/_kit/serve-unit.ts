import type { IncomingMessage } from "node:http";
import { join } from "node:path";
import { DEFAULT_CACHE_BYTES, documentCache } from "../../server/bounded-caches.js";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { listenGraphQL, type RunningHttpServer } from "../../server/graphql-http.js";
import { deferStringify } from "../../server/deferred-results.js";
import { maskUnexpectedErrors } from "../../server/format-error.js";
import { closedNetworkPlugins } from "../../server/closed-network-plugins.js";
import { ASSERTION_HEADER } from "../../schema/request-assertion.js";
import { HttpError, unauthenticated } from "../../server/http-error.js";
import { CoordinateIndex } from "../../schema/operation-coordinates.js";
import type { VerificationKeys } from "../../schema/platform-keys.js";
import { buildUnitSubgraph } from "./build-subgraph.js";
import { openStore, seedOnce } from "../../storage/sqlite-store.js";
import type { AnyUnit, UnitRequest } from "./unit.js";
import { AssertionVerifier } from "./verify-assertion.js";
import { openNonceStore } from "./open-nonce-store.js";
import { maskAtSource, withMasked } from "./mask-at-source.js";
import { boundListReads, DEFAULT_UNIT_MAX_ITEMS, withReadBudget } from "./read-budget.js";
import { StoreHealth } from "./store-health.js";
import { unitHealth } from "./unit-health.js";
import type { ExactRequest } from "../../schema/exact-request.js";

export interface ServeUnitOptions {
  readonly dataDir: string;
  readonly host: string;
  readonly port: number;
  readonly onStatement?: (sql: string) => void;
  /**
   * Verifies the gateway's assertions; with them, a request without a valid one is refused
   * (SPEC §4: nobody reads a unit's data around the gateway), and so is one that reads a
   * coordinate its assertion does not name. Without them (a unit run alone in development
   * or a unit test) nothing is verified and a request carrying an assertion is refused.
   */
  readonly platformKeys?: VerificationKeys;
  /**
   * The deployment's Redis (`REDIS_URL`): the nonces of accepted assertions are kept there,
   * shared by the unit's replicas; unreachable at start, the unit does not start. None: a
   * store file in the data dir.
   */
  readonly redisUrl?: string | null | undefined;
  /** Prefix of this federation's keys in Redis (`ECOFED_REDIS_PREFIX`, default "ecofed:"). */
  readonly redisPrefix?: string | undefined;
  /** Items of lists one request may read (`ECOFED_UNIT_MAX_ITEMS`, default 250,000): past it, UNIT_READ_LIMIT. */
  readonly maxItemsPerRequest?: number;
  /** What the unit's parsed-document cache may hold on the heap (`ECOFED_DOCUMENT_CACHE_MB`, default 64). */
  readonly documentCacheBytes?: number;
}

export interface RunningUnit {
  readonly unit: string;
  readonly url: string;
  /** True when this start created the demo data. */
  readonly seeded: boolean;
  close(): Promise<void>;
}

/** The unit's SQLite file inside a data dir. */
export function unitStoreFile(dataDir: string, unit: string): string {
  return join(dataDir, `${unit}.sqlite`);
}

/**
 * Runs one unit as its own system: opens (and migrates) its store, creates its demo data
 * on first start, then serves its subgraph. Resolves once it answers requests. Its
 * `/health` (= `/health/ready`) answers 503 while its store or nonce store cannot be used.
 */
export async function serveUnit(unit: AnyUnit, options: ServeUnitOptions): Promise<RunningUnit> {
  const file = unitStoreFile(options.dataDir, unit.code);
  const db = openStore({
    file,
    migrations: unit.migrations,
    ...(options.onStatement ? { onStatement: options.onStatement } : {}),
  });
  let http: RunningHttpServer | undefined;
  const closers: (() => Promise<void>)[] = [];
  let apollo: ApolloServer<object> | undefined;
  try {
    const store = new StoreHealth(db, file);
    closers.push(async () => store.close());
    // Before the demo data is made: an unreachable Redis is a configuration error, said at once.
    const nonces = options.platformKeys ? await openNonceStore({ dataDir: options.dataDir, unit: unit.code, redisUrl: options.redisUrl, redisPrefix: options.redisPrefix }) : null;
    if (nonces) closers.push(() => nonces.close());
    const seeded = seedOnce(db, unit.seed);
    const { schema, maskable } = await buildUnitSubgraph(unit);
    maskAtSource(schema, maskable);
    boundListReads(schema);
    const beforeRespond: (() => Promise<void>)[] = [];
    const context = unit.prepare(db, {
      ...(options.platformKeys ? { platformKeys: options.platformKeys } : {}),
      beforeRespond: (hook) => beforeRespond.push(hook),
      onClose: (hook) => closers.push(hook),
    });
    const guard: AssertionGuard | null =
      options.platformKeys && nonces ? { verifier: new AssertionVerifier(options.platformKeys, unit.code, nonces), coordinates: new CoordinateIndex(schema), maskable } : null;
    apollo = new ApolloServer<object>({
      schema,
      // Every distinct query the gateway sends is parsed once and kept: bounded by what it weighs.
      documentStore: documentCache(options.documentCacheBytes ?? DEFAULT_CACHE_BYTES),
      formatError: maskUnexpectedErrors,
      includeStacktraceInErrorResponses: false,
      stringifyResult: deferStringify,
      // The process stops on SIGTERM itself (cli/shutdown.ts); Apollo's own handler (on outside
      // NODE_ENV=test) re-raises the signal after stopping, which cut that stop short (exit 1).
      stopOnTerminationSignals: false,
      // Traces cost CPU on every request and nobody reads them here.
      plugins: [ApolloServerPluginInlineTraceDisabled(), ...closedNetworkPlugins()],
    });
    await apollo.start();
    http = await listenGraphQL({
      apollo,
      host: options.host,
      port: options.port,
      context: async (req, _requestId, body) => {
        const { masked, ...request } = await unitRequest(req, body, guard);
        return withReadBudget(withMasked(context(request), masked), options.maxItemsPerRequest ?? DEFAULT_UNIT_MAX_ITEMS);
      },
      healthy: unitHealth(store, nonces),
      ...(beforeRespond.length > 0 ? { beforeRespond: () => runInOrder(beforeRespond) } : {}),
    });
    const running = http;
    const server = apollo;
    return {
      unit: unit.code,
      url: running.url,
      seeded,
      close: async () => {
        await running.close();
        await server.stop();
        await runInOrder(closers);
        db.close();
      },
    };
  } catch (error) {
    await http?.close();
    await apollo?.stop();
    await runInOrder(closers);
    db.close();
    throw error;
  }
}

async function runInOrder(hooks: readonly (() => Promise<void>)[]): Promise<void> {
  for (const hook of hooks) await hook();
}

interface AssertionGuard {
  readonly verifier: AssertionVerifier;
  readonly coordinates: CoordinateIndex;
  readonly maskable: ReadonlySet<string>;
}

const BODY_MEMBERS = new Set(["query", "variables", "operationName", "extensions"]);

/**
 * The one operation this request carries, in the only form a unit accepts: a POST of one
 * JSON object whose `query` is the text that will run. Apollo Server runs the URL's
 * `?query=` on a GET whatever the body says, and runs a persisted-query hash or a batch
 * the assertion never described (issue 13): each is refused before anything is verified.
 */
function exactRequest(req: IncomingMessage, body: unknown): ExactRequest {
  if (req.method !== "POST") throw new HttpError(405, "METHOD_NOT_ALLOWED", "this unit accepts only POST", { allow: "POST" });
  const contentType = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  if (contentType !== "application/json") throw new HttpError(415, "BAD_REQUEST", "this unit accepts only application/json");
  if (new URL(req.url ?? "/", "http://unit").search !== "") throw new HttpError(400, "BAD_REQUEST", "this unit reads the operation from the body only, never the URL");
  if (Array.isArray(body)) throw new HttpError(400, "BAD_REQUEST", "batched requests are not accepted");
  if (body === null || typeof body !== "object") throw new HttpError(400, "BAD_REQUEST", "the body must be one JSON object with a query");
  const { query, variables, operationName, extensions } = body as Record<string, unknown>;
  const stray = Object.keys(body).find((k) => !BODY_MEMBERS.has(k));
  if (stray !== undefined) throw new HttpError(400, "BAD_REQUEST", `unexpected member "${stray.slice(0, 40)}" in the request body`);
  if (typeof query !== "string" || query.length === 0) throw new HttpError(400, "BAD_REQUEST", "the body has no operation text (persisted queries are not accepted)");
  if (extensions !== undefined && (extensions === null || typeof extensions !== "object" || Object.keys(extensions).length > 0)) {
    throw new HttpError(400, "BAD_REQUEST", "request extensions (persisted queries) are not accepted");
  }
  if (variables !== undefined && variables !== null && (typeof variables !== "object" || Array.isArray(variables))) throw new HttpError(400, "BAD_REQUEST", "variables must be an object");
  if (operationName !== undefined && operationName !== null && typeof operationName !== "string") throw new HttpError(400, "BAD_REQUEST", "operationName must be a string");
  return { query, variables, operationName: operationName as string | null | undefined };
}

/**
 * Who asks, once the gateway's signature on it checks out (never read before that), and
 * only if the assertion is for exactly this request and names every coordinate it reads;
 * with the coordinates to mask at the source.
 */
async function unitRequest(req: IncomingMessage, body: unknown, guard: AssertionGuard | null): Promise<UnitRequest & { masked: ReadonlySet<string> }> {
  const request = exactRequest(req, body);
  const header = req.headers[ASSERTION_HEADER];
  if (header === undefined) {
    if (guard) throw unauthenticated("this unit answers only the gateway: a signed assertion is required");
    return { requester: null, masked: NOTHING };
  }
  if (typeof header !== "string" || !guard) throw unauthenticated("this unit cannot verify the assertion it was sent");
  const { requester, decisions } = await guard.verifier.verify(header, request);
  let read: readonly string[];
  try {
    read = guard.coordinates.of(request.query);
  } catch (error) {
    throw new HttpError(403, "FORBIDDEN", `the operation cannot be checked against the gateway's assertion: ${(error as Error).message}`);
  }
  const beyond = read.filter((c) => !decisions.has(c));
  if (beyond.length > 0) throw new HttpError(403, "FORBIDDEN", `the gateway's assertion does not allow ${beyond.slice(0, 5).join(", ")}`);
  const masked = new Set<string>();
  for (const [coordinate, decision] of decisions) {
    if (decision !== "MASKED") continue;
    // Fail closed: a value this unit cannot mask is not served at all.
    if (!guard.maskable.has(coordinate)) throw new HttpError(403, "FORBIDDEN", `the gateway's assertion masks ${coordinate}, which this unit cannot mask`);
    masked.add(coordinate);
  }
  return { requester, masked };
}

const NOTHING: ReadonlySet<string> = new Set();
