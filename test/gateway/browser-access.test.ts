import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseConfig, ConfigError, type GatewayConfig } from "../../gateway/config.js";
import { serveGateway, type RunningGateway } from "../../gateway/serve-gateway.js";
import { composeSupergraph } from "../../schema/compose.js";
import { startFixtureSubgraphs, type RunningFixture } from "../fixtures/federation-semantics/index.js";
import { tempDir } from "../helpers/temp-dir.js";
import { asRequester, tokenFor } from "../helpers/tokens.js";

/* Issue 14 item 9 at the gateway: ECOFED_CORS_ORIGINS, preflights before authentication, security headers. */

const ORIGIN = "https://portal.example.gov";

let dir: ReturnType<typeof tempDir>;
let fixtures: RunningFixture[] = [];
let browsers: RunningGateway;
let plain: RunningGateway;
let token: string;

beforeAll(async () => {
  dir = tempDir("browsers");
  fixtures = await startFixtureSubgraphs();
  const composed = composeSupergraph(fixtures.map((f) => ({ name: f.name, url: f.url, sdl: f.sdl })));
  if (!composed.ok) throw new Error(composed.errors.join("\n"));
  const config: GatewayConfig = { host: "127.0.0.1", port: 0, dataDir: dir.path, defaultClass: "UNCONDITIONAL" };
  browsers = await serveGateway({ ...config, corsOrigins: [ORIGIN] }, composed.supergraphSdl);
  plain = await serveGateway(config, composed.supergraphSdl);
  token = await tokenFor(dir.path, "water");
});

afterAll(async () => {
  await browsers?.close();
  await plain?.close();
  for (const f of fixtures) await f.close();
  dir?.remove();
});

function preflight(url: string): Promise<Response> {
  return fetch(url, { method: "OPTIONS", headers: { origin: ORIGIN, "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type" } });
}

function post(url: string, query: string, headers: Record<string, string>): Promise<Response> {
  return fetch(url, { method: "POST", headers: { "content-type": "application/json", origin: ORIGIN, ...headers }, body: JSON.stringify({ query }) });
}

function expectSecurityHeaders(res: Response): void {
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("referrer-policy")).toBe("no-referrer");
  expect(res.headers.get("cache-control")).toBe("no-store");
}

describe("the gateway with ECOFED_CORS_ORIGINS", () => {
  it("answers a preflight from an allowed origin with 204, before authentication", async () => {
    const res = await preflight(browsers.url);
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    expect(res.headers.get("access-control-allow-headers")).toContain("authorization");
    expect(res.headers.get("access-control-allow-methods")).toBe("GET, POST");
    expect(res.headers.get("vary")).toBe("Origin");
  });

  it("lets the page read a data answer, which is never to be stored", async () => {
    const res = await post(browsers.url, `{ topProducts(first: 1) { upc } }`, asRequester(token, "WORK_REFERENCE"));
    expect(await res.json()).toEqual({ data: { topProducts: [{ upc: "p1" }] } });
    expect(res.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    expectSecurityHeaders(res);
  });

  it("puts the security headers on a refusal of authentication, which the page may read too", async () => {
    const res = await post(browsers.url, `{ topProducts(first: 1) { upc } }`, {});
    expect(res.status).toBe(401);
    expect(res.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    expectSecurityHeaders(res);
  });

  it("puts the security headers on a GraphQL error answer", async () => {
    const external = await tokenFor(dir.path, "ext:somedept");
    const res = await post(browsers.url, `{ __schema { queryType { name } } }`, asRequester(external, "WORK_REFERENCE"));
    expect(res.status).toBe(403);
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe("INTROSPECTION_DISABLED");
    expectSecurityHeaders(res);
  });
});

describe("the gateway without ECOFED_CORS_ORIGINS (the default)", () => {
  it("sends no CORS header, and a preflight is authenticated like any request", async () => {
    const res = await preflight(plain.url);
    expect(res.status).toBe(401);
    expect([...res.headers.keys()].filter((name) => name.startsWith("access-control-"))).toEqual([]);
    const data = await post(plain.url, `{ topProducts(first: 1) { upc } }`, asRequester(token, "WORK_REFERENCE"));
    expect(data.headers.get("access-control-allow-origin")).toBeNull();
    expectSecurityHeaders(data);
  });
});

describe("configuration (checked at start, one line)", () => {
  it("defaults to no origin and introspection by internal units", () => {
    expect(baseConfig({})).toMatchObject({ corsOrigins: [], introspection: "internal" });
  });

  it("takes exact origins, comma-separated", () => {
    expect(baseConfig({ ECOFED_CORS_ORIGINS: " https://portal.example.gov , http://localhost:5173" }).corsOrigins).toEqual([
      "https://portal.example.gov",
      "http://localhost:5173",
    ]);
    expect(baseConfig({ ECOFED_INTROSPECTION: "off" }).introspection).toBe("off");
  });

  it.each(["*", "https://*.example.gov", "https://portal.example.gov/app", "https://portal.example.gov/", "portal.example.gov", "ftp://portal.example.gov", "https://Portal.example.gov", "https://portal.example.gov:443", "https://a.example,"])(
    "refuses ECOFED_CORS_ORIGINS=%s",
    (value) => {
      expect(() => baseConfig({ ECOFED_CORS_ORIGINS: value })).toThrow(ConfigError);
      expect(() => baseConfig({ ECOFED_CORS_ORIGINS: value })).toThrow(/^ECOFED_CORS_ORIGINS: [^\n]+$/);
    },
  );

  it("refuses an unknown ECOFED_INTROSPECTION", () => {
    expect(() => baseConfig({ ECOFED_INTROSPECTION: "internal-only" })).toThrow(/^ECOFED_INTROSPECTION must be one of internal, off, all, got "internal-only"$/);
  });
});
