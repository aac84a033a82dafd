import { join } from "node:path";
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
 * on first start, then serves its subgraph. Resolves once it answers requests.
 */
export async function serveUnit(unit: AnyUnit, options: ServeUnitOptions): Promise<RunningUnit> {
  const db = openStore({
    file: unitStoreFile(options.dataDir, unit.code),
    migrations: unit.migrations,
    ...(options.onStatement ? { onStatement: options.onStatement } : {}),
  });
  let http: RunningHttpServer | undefined;
  const closers: (() => Promise<void>)[] = [];
  let apollo: ApolloServer<object> | undefined;
  try {
    const seeded = seedOnce(db, unit.seed);
    const { schema } = await buildUnitSubgraph(unit);
    const beforeRespond: (() => Promise<void>)[] = [];
    const context = unit.prepare(db, {
      ...(options.platformKeys ? { platformKeys: options.platformKeys } : {}),
      beforeRespond: (hook) => beforeRespond.push(hook),
      onClose: (hook) => closers.push(hook),
    });
    const guard = options.platformKeys ? { verifier: new AssertionVerifier(options.platformKeys), coordinates: new CoordinateIndex(schema) } : null;
    apollo = new ApolloServer<object>({
      schema,
      formatError: maskUnexpectedErrors,
      includeStacktraceInErrorResponses: false,
      stringifyResult: deferStringify,
      // Traces cost CPU on every request and nobody reads them here.
      plugins: [ApolloServerPluginInlineTraceDisabled(), ...closedNetworkPlugins()],
    });
    await apollo.start();
    http = await listenGraphQL({
      apollo,
      host: options.host,
      port: options.port,
      context: async (req, _requestId, body) => context(await unitRequest(req.headers[ASSERTION_HEADER], body, guard)),
      healthy: () => true,
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
}

/**
 * Who asks, once the gateway's signature on it checks out (never read before that), and
 * only if the operation reads nothing beyond the coordinates the assertion names.
 */
async function unitRequest(header: string | string[] | undefined, body: unknown, guard: AssertionGuard | null): Promise<UnitRequest> {
  if (header === undefined) {
    if (guard) throw unauthenticated("this unit answers only the gateway: a signed assertion is required");
    return { requester: null };
  }
  if (typeof header !== "string" || !guard) throw unauthenticated("this unit cannot verify the assertion it was sent");
  const { requester, coordinates } = await guard.verifier.verify(header);
  const query = (body as { query?: unknown } | null)?.query;
  let read: readonly string[];
  try {
    if (typeof query !== "string") throw new Error("no operation text to check");
    read = guard.coordinates.of(query);
  } catch (error) {
    throw new HttpError(403, "FORBIDDEN", `the operation cannot be checked against the gateway's assertion: ${(error as Error).message}`);
  }
  const beyond = read.filter((c) => !coordinates.has(c));
  if (beyond.length > 0) throw new HttpError(403, "FORBIDDEN", `the gateway's assertion does not allow ${beyond.slice(0, 5).join(", ")}`);
  return { requester };
}
