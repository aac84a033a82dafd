import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLRequest } from "@apollo/server";
import { redeemDeferred } from "./deferred-results.js";
import { endWithJson } from "./json-pieces.js";
import { sendError, sendJson } from "./json-answer.js";
import { utf8Body } from "./utf8-body.js";
import { applyBrowserHeaders } from "./browser-headers.js";
import { answerClientError } from "./client-error.js";
import { jsonDepthExceeds, MAX_JSON_DEPTH } from "./json-depth.js";
import { HEALTH_PATHS, healthAnswer, type Health } from "./health-endpoints.js";
import { CONSOLE_PATH, type ConsoleFiles } from "./console-files.js";

export type { Health, HealthProblem, HealthReady } from "./health-endpoints.js";

const MAX_BODY_BYTES = 1 << 20;

export interface GraphQLHttpOptions<TContext extends BaseContext> {
  readonly apollo: ApolloServer<TContext>;
  readonly host: string;
  readonly port: number;
  /** Builds the per-request context (from the request and its parsed body); a thrown error with `httpStatus` answers with it. */
  readonly context: (req: IncomingMessage, requestId: string, body: unknown) => Promise<TContext>;
  /**
   * Runs after the operation is executed, before its answer is written: a unit finishes
   * what must be in place first (governance publishes its state for the gateway replicas).
   * A throw with `httpStatus` answers with it instead; any other throw answers 503, with the
   * thrown error's message and extensions (its code).
   */
  readonly beforeRespond?: () => Promise<void>;
  /**
   * `/health` and `/health/ready` answer 200 only while this says ready; otherwise 503 with
   * what it says. Asked on each of their requests, so it must be cheap (or cached).
   */
  readonly healthy: () => Health | Promise<Health>;
  /**
   * HTTPS, asking for client certificates signed by `ca`. Unverified certificates are let
   * through to `context`, which answers 401 with a coded body rather than a bare TLS error.
   */
  readonly tls?: { readonly key: string; readonly cert: string; readonly ca: string };
  /** Browser origins answered with CORS headers (exact; the gateway's ECOFED_CORS_ORIGINS); none: no CORS at all. */
  readonly corsOrigins?: readonly string[];
  /** The browser console, served at CONSOLE_PATH (the gateway's; units have none). */
  readonly console?: ConsoleFiles;
}

export interface RunningHttpServer {
  readonly url: string;
  readonly port: number;
  /** Stops accepting, lets requests in flight finish (up to `graceMs`), then closes. */
  close(graceMs?: number): Promise<void>;
}

/** Serves an started Apollo Server at `/graphql` over node:http, with `/health`, `/health/live` and `/health/ready`. */
export async function listenGraphQL<TContext extends BaseContext>(
  options: GraphQLHttpOptions<TContext>,
): Promise<RunningHttpServer> {
  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    handle(options, req, res).catch((error: unknown) => {
      // A failure here is ours, not the client's: log it, never echo it.
      console.error("ecofed: http handler failed:", error);
      if (!res.headersSent) sendError(res, 500, "Internal server error", { code: "INTERNAL_SERVER_ERROR" });
      else res.destroy();
    });
  };
  const server = options.tls
    ? createHttpsServer({ ...options.tls, requestCert: true, rejectUnauthorized: false }, onRequest)
    : createServer(onRequest);
  // What Node's parser refuses is answered coded too, never with a bare status line (issue 14 fuzz).
  server.on("clientError", answerClientError);
  // Longer than a client's pause between requests: a server that closes an idle pooled
  // socket races the client reusing it, and that request fails with a reset (Apollo's
  // default client pools sockets with no idle limit; seen as sporadic failures under load).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${options.tls ? "https" : "http"}://${options.host}:${port}/graphql`,
    port,
    close: (graceMs = 5_000) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => server.closeAllConnections(), graceMs);
        timer.unref();
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}

async function handle<TContext extends BaseContext>(
  options: GraphQLHttpOptions<TContext>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  // Every response carries its id; the audit records of the request carry the same (CONTRACT §2).
  const requestId = randomUUID();
  res.setHeader("x-request-id", requestId);
  const url = new URL(req.url ?? "/", "http://localhost");
  // A preflight is answered here, before authentication (browsers send it without credentials).
  if (applyBrowserHeaders(req, res, url.pathname, options.corsOrigins ?? [])) return;
  if (HEALTH_PATHS.has(url.pathname)) {
    const { status, body } = await healthAnswer(url.pathname, options.healthy);
    sendJson(res, status, body);
    return;
  }
  if (options.console && (url.pathname === CONSOLE_PATH || url.pathname.startsWith(`${CONSOLE_PATH}/`))) {
    await options.console.answer(req, res, url.pathname);
    return;
  }
  if (options.console && opensInBrowser(req, url)) {
    // A person typed the endpoint into a browser: show them the console, not a 401 in JSON.
    res.statusCode = 302;
    res.setHeader("location", `${CONSOLE_PATH}/`);
    res.end();
    return;
  }
  if (url.pathname !== "/graphql") {
    // Coded like every other refusal (issue 14 fuzz): a client reads errors[].extensions.code.
    sendError(res, 404, "Not found: GraphQL is served at /graphql", { code: "NOT_FOUND" });
    return;
  }
  const body = await readBody(req);
  // The client went away mid-body (its connection is closed, or answered by answerClientError): nobody to answer.
  if (body === "aborted") {
    res.destroy();
    return;
  }
  if (body === "too-large") {
    sendError(res, 413, `Request body over ${MAX_BODY_BYTES} bytes`, { code: "BAD_REQUEST" });
    return;
  }
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  let parsedBody: unknown = body;
  if ((headers.get("content-type") ?? "").includes("json") && body.length > 0) {
    try {
      parsedBody = JSON.parse(body);
    } catch {
      sendError(res, 400, "Request body is not valid JSON", { code: "BAD_REQUEST" });
      return;
    }
  }
  if (nestsTooDeep(parsedBody, url)) {
    sendError(res, 400, `The request's JSON nests deeper than ${MAX_JSON_DEPTH} levels`, { code: "BAD_REQUEST" });
    return;
  }
  let context: TContext;
  try {
    context = await options.context(req, requestId, parsedBody);
  } catch (error) {
    const status = (error as { httpStatus?: number }).httpStatus;
    if (status === undefined) throw error;
    const e = error as { message: string; extensions?: Record<string, unknown>; headers?: Readonly<Record<string, string>> };
    // Some refusals are incomplete without a header (`Allow` on a 405).
    for (const [name, value] of Object.entries(e.headers ?? {})) res.setHeader(name, value);
    sendError(res, status, e.message, e.extensions ?? {});
    return;
  }
  const httpGraphQLRequest: HTTPGraphQLRequest = { method: req.method ?? "GET", headers, search: url.search, body: parsedBody };
  const response = await options.apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: async () => context });
  // Taken at once, whatever is sent next: a result left waiting would never be freed.
  const deferred = response.body.kind === "complete" ? redeemDeferred(response.body.string) : undefined;
  if (options.beforeRespond) {
    try {
      await options.beforeRespond();
    } catch (error) {
      const e = error as { message: string; httpStatus?: number; extensions?: Record<string, unknown> };
      sendError(res, e.httpStatus ?? 503, e.message, e.extensions ?? { code: "INTERNAL_SERVER_ERROR" });
      return;
    }
  }
  // Cache-Control stays no-store (applyBrowserHeaders): nothing a request reads is to be kept.
  for (const [name, value] of response.headers) if (name !== "cache-control") res.setHeader(name, value);
  res.statusCode = response.status ?? 200;
  if (deferred) {
    endWithJson(res, deferred.result);
    return;
  }
  if (response.body.kind === "complete") {
    res.end(utf8Body(response.body.string));
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/** A browser navigating to /graphql: a GET asking for HTML, with no operation in its URL. */
function opensInBrowser(req: IncomingMessage, url: URL): boolean {
  return url.pathname === "/graphql" && req.method === "GET" && !url.searchParams.has("query") && /\btext\/html\b/.test(String(req.headers.accept ?? ""));
}

/** The body, or a GET's `variables` and `extensions` (Apollo parses those itself), past MAX_JSON_DEPTH. */
function nestsTooDeep(body: unknown, url: URL): boolean {
  if (jsonDepthExceeds(body)) return true;
  for (const name of ["variables", "extensions"]) {
    const text = url.searchParams.get(name);
    if (text === null) continue;
    try {
      if (jsonDepthExceeds(JSON.parse(text))) return true;
    } catch {
      // Not JSON: Apollo answers that with its own coded 400.
    }
  }
  return false;
}

function readBody(req: IncomingMessage): Promise<string | "too-large" | "aborted"> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners("data");
        req.resume();
        resolve("too-large");
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    // Only the connection fails a request stream: the client's doing, not a server error.
    req.on("error", () => resolve("aborted"));
  });
}
