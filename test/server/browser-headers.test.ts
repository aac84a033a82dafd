import { ApolloServer } from "@apollo/server";
import { buildSchema } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listenGraphQL, type RunningHttpServer } from "../../server/graphql-http.js";
import { unauthenticated } from "../../server/http-error.js";

/*
 * Issue 14 item 9, on the HTTP server every ecofed process shares: security headers on
 * every answer, CORS only for configured origins, preflights answered before `context`
 * (where the gateway authenticates).
 */

const ALLOWED = "https://portal.example.gov";
const SECURITY = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "no-store",
  "x-frame-options": "DENY",
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
};

let apollo: ApolloServer;
let withCors: RunningHttpServer;
let withoutCors: RunningHttpServer;
let contextCalls = 0;

beforeAll(async () => {
  // Cache hints would have Apollo send `max-age`: the server keeps no-store regardless.
  const schema = buildSchema(`directive @cacheControl(maxAge: Int) on FIELD_DEFINITION
    type Query { hello: String @cacheControl(maxAge: 300) boom: String }`);
  apollo = new ApolloServer({ schema, rootValue: { hello: "world", boom: () => { throw new Error("secret detail"); } } });
  await apollo.start();
  const context = async (req: { headers: Record<string, unknown> }) => {
    contextCalls++;
    if (req.headers["authorization"] !== "Bearer ok") throw unauthenticated("no token");
    return {};
  };
  withCors = await listenGraphQL({ apollo, host: "127.0.0.1", port: 0, context, healthy: () => true, corsOrigins: [ALLOWED, "http://localhost:5173"] });
  withoutCors = await listenGraphQL({ apollo, host: "127.0.0.1", port: 0, context, healthy: () => true });
});

afterAll(async () => {
  await withCors?.close();
  await withoutCors?.close();
  await apollo?.stop();
});

function preflight(url: string, origin: string): Promise<Response> {
  return fetch(url, {
    method: "OPTIONS",
    headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type, x-share-purpose" },
  });
}

function post(url: string, body: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: "POST", headers: { "content-type": "application/json", authorization: "Bearer ok", ...headers }, body });
}

function corsHeaders(res: Response): Record<string, string> {
  return Object.fromEntries([...res.headers].filter(([name]) => name.startsWith("access-control-")));
}

function expectSecurityHeaders(res: Response): void {
  for (const [name, value] of Object.entries(SECURITY)) expect(res.headers.get(name), name).toBe(value);
}

describe("CORS preflight", () => {
  it("answers an allowed origin with 204 and its headers, before authentication (no token)", async () => {
    const before = contextCalls;
    const res = await preflight(withCors.url, ALLOWED);
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
    expect(corsHeaders(res)).toEqual({
      "access-control-allow-origin": ALLOWED,
      "access-control-allow-credentials": "true",
      "access-control-allow-methods": "GET, POST",
      "access-control-allow-headers": "authorization, content-type, x-share-purpose, apollographql-client-name, apollographql-client-version",
      "access-control-max-age": "600",
      "access-control-expose-headers": "x-request-id",
    });
    expect(res.headers.get("vary")).toBe("Origin");
    expect(contextCalls).toBe(before);
  });

  it.each([["another site", "https://evil.example"], ["an allowed origin's other port", "https://portal.example.gov:8443"], ["the literal null origin", "null"]])(
    "gives %s no CORS header at all",
    async (_name, origin) => {
      const res = await preflight(withCors.url, origin);
      expect(res.status).toBe(204);
      expect(corsHeaders(res)).toEqual({});
      expect(res.headers.get("vary")).toBe("Origin");
    },
  );

  it("is not answered at all when no origin is configured: no CORS header, authentication as usual", async () => {
    const res = await preflight(withoutCors.url, ALLOWED);
    expect(res.status).toBe(401);
    expect(corsHeaders(res)).toEqual({});
    expect(res.headers.get("vary")).toBeNull();
  });
});

describe("answers to a page's requests", () => {
  it("echo an allowed origin, never a wildcard", async () => {
    const res = await post(withCors.url, JSON.stringify({ query: "{ hello }" }), { origin: ALLOWED });
    expect(await res.json()).toEqual({ data: { hello: "world" } });
    expect(res.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    expect(res.headers.get("access-control-allow-credentials")).toBe("true");
  });

  it("carry no CORS header for a disallowed origin (the browser keeps the answer from the page)", async () => {
    const res = await post(withCors.url, JSON.stringify({ query: "{ hello }" }), { origin: "https://evil.example" });
    expect(res.status).toBe(200);
    expect(corsHeaders(res)).toEqual({});
  });
});

describe("security headers", () => {
  it.each([
    ["a data answer (despite a cache hint)", () => post(withoutCors.url, JSON.stringify({ query: "{ hello }" })), 200],
    ["a GraphQL error", () => post(withoutCors.url, JSON.stringify({ query: "{ boom }" })), 200],
    ["a validation error", () => post(withoutCors.url, JSON.stringify({ query: "{ nope }" })), 400],
    ["an authentication refusal", () => post(withoutCors.url, JSON.stringify({ query: "{ hello }" }), { authorization: "" }), 401],
    ["a body that is not JSON", () => post(withoutCors.url, "{"), 400],
    ["a GET query", () => fetch(`${withoutCors.url}?query=${encodeURIComponent("{ hello }")}`, { headers: { authorization: "Bearer ok", "apollo-require-preflight": "1" } }), 200],
    ["/health", () => fetch(withoutCors.url.replace(/graphql$/, "health")), 200],
    ["an unknown path", () => fetch(withoutCors.url.replace(/graphql$/, "nope")), 404],
    ["a preflight", () => preflight(withCors.url, ALLOWED), 204],
  ])("are on %s", async (_name, send, status) => {
    const res = await send();
    expect(res.status).toBe(status);
    expectSecurityHeaders(res);
  });
});
