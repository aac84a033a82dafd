import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseConfig, BUILT_CONSOLE_DIR, ConfigError, type GatewayConfig } from "../../gateway/config.js";
import { serveGateway, type RunningGateway } from "../../gateway/serve-gateway.js";
import { composeSupergraph } from "../../schema/compose.js";
import { CONSOLE_CSP } from "../../server/console-files.js";
import { startFixtureSubgraphs, type RunningFixture } from "../fixtures/federation-semantics/index.js";
import { tempDir } from "../helpers/temp-dir.js";
import { asRequester, tokenFor } from "../helpers/tokens.js";

/*
 * Issue 16 at the gateway: the console is served beside /graphql, a browser opening
 * /graphql is sent there, and `whoami` says who the gateway takes the requester for.
 */
let dir: ReturnType<typeof tempDir>;
let fixtures: RunningFixture[] = [];
let gateway: RunningGateway;
let withoutConsole: RunningGateway;
let base: string;

beforeAll(async () => {
  dir = tempDir("console-entry");
  const bundle = join(dir.path, "console");
  mkdirSync(join(bundle, "assets"), { recursive: true });
  writeFileSync(join(bundle, "index.html"), "<!doctype html><title>ecofed console</title>");
  fixtures = await startFixtureSubgraphs();
  const composed = composeSupergraph(fixtures.map((f) => ({ name: f.name, url: f.url, sdl: f.sdl })));
  if (!composed.ok) throw new Error(composed.errors.join("\n"));
  const config: GatewayConfig = { host: "127.0.0.1", port: 0, dataDir: dir.path, defaultClass: "UNCONDITIONAL" };
  gateway = await serveGateway({ ...config, consoleDir: bundle }, composed.supergraphSdl);
  withoutConsole = await serveGateway({ ...config, consoleDir: null }, composed.supergraphSdl);
  base = gateway.url.replace(/\/graphql$/, "");
});

afterAll(async () => {
  await gateway?.close();
  await withoutConsole?.close();
  for (const f of fixtures) await f.close();
  dir?.remove();
});

const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

describe("the gateway's console entry", () => {
  it("serves the console's page without a credential (it holds no data) under the console's CSP", async () => {
    const res = await fetch(`${base}/console/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("ecofed console");
    expect(res.headers.get("content-security-policy")).toBe(CONSOLE_CSP);
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("sends a browser opening /graphql to the console instead of a 401 in JSON", async () => {
    const res = await fetch(gateway.url, { headers: { accept: BROWSER_ACCEPT }, redirect: "manual" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/console/");
  });

  it("leaves every API request as it was: a GET with a query, a POST, a client asking for JSON", async () => {
    const withQuery = await fetch(`${gateway.url}?query=${encodeURIComponent("{ __typename }")}`, { headers: { accept: BROWSER_ACCEPT }, redirect: "manual" });
    expect(withQuery.status).toBe(401);
    const json = await fetch(gateway.url, { headers: { accept: "application/json" }, redirect: "manual" });
    expect(json.status).not.toBe(302);
    const post = await fetch(gateway.url, { method: "POST", headers: { accept: BROWSER_ACCEPT, "content-type": "application/json" }, body: JSON.stringify({ query: "{ __typename }" }), redirect: "manual" });
    expect(post.status).toBe(401);
  });

  it("serves no console and redirects nothing when the console is off", async () => {
    const page = await fetch(`${withoutConsole.url.replace(/\/graphql$/, "")}/console/`);
    expect(page.status).toBe(404);
    const browser = await fetch(withoutConsole.url, { headers: { accept: BROWSER_ACCEPT }, redirect: "manual" });
    expect(browser.status).not.toBe(302);
  });
});

describe("whoami", () => {
  const ask = async (headers: Record<string, string>, query = "{ whoami { unit principal roles purpose credential } }") => {
    const res = await fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query }) });
    return { status: res.status, body: (await res.json()) as { data?: Record<string, unknown>; errors?: { extensions?: { code?: string } }[] } };
  };

  it("answers the verified identity and the declared purpose, from the token alone", async () => {
    const token = await tokenFor(dir.path, "water", ["approver"]);
    // Headers a client could set to claim another unit are not what whoami reads.
    const { status, body } = await ask({ ...asRequester(token, "DATA_VERIFICATION"), "x-unit": "cac-office", "x-principal": "root" });
    expect(status).toBe(200);
    expect(body).toEqual({ data: { whoami: { unit: "water", principal: "water-test", roles: ["approver"], purpose: "DATA_VERIFICATION", credential: "TOKEN" } } });
  });

  it("says the unit code as issued, an external department's included, and a null purpose when none was sent", async () => {
    const token = await tokenFor(dir.path, "ext:moa");
    const { body } = await ask(asRequester(token));
    expect(body.data).toEqual({ whoami: { unit: "ext:moa", principal: "ext:moa-test", roles: [], purpose: null, credential: "TOKEN" } });
  });

  it("is refused without a credential, like every field", async () => {
    const { status, body } = await ask({});
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("answers beside a unit's fields in one operation, and with an alias", async () => {
    const token = await tokenFor(dir.path, "soil");
    const { body } = await ask(asRequester(token, "WORK_REFERENCE"), "{ me: whoami { unit } topProducts(first: 1) { upc } }");
    expect(body).toEqual({ data: { me: { unit: "soil" }, topProducts: [{ upc: "p1" }] } });
  });
});

describe("ECOFED_CONSOLE_DIR (checked at start, one line)", () => {
  it("defaults to the console npm run build writes, dist/console", () => {
    expect(baseConfig({}).consoleDir).toBe(BUILT_CONSOLE_DIR);
    expect(BUILT_CONSOLE_DIR).toMatch(/[/\\]dist[/\\]console[/\\]?$/);
  });

  it("takes a directory, or off for a gateway that serves the API only", () => {
    expect(baseConfig({ ECOFED_CONSOLE_DIR: dir.path }).consoleDir).toBe(dir.path);
    expect(baseConfig({ ECOFED_CONSOLE_DIR: "off" }).consoleDir).toBeNull();
  });

  it("refuses a path that is no directory", () => {
    const missing = join(dir.path, "no-such-dir");
    expect(() => baseConfig({ ECOFED_CONSOLE_DIR: missing })).toThrow(new ConfigError(`ECOFED_CONSOLE_DIR must be a directory holding the built console (or "off"), got "${missing}"`));
  });
});
