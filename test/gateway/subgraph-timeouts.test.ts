import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIT_STORE_FILE } from "../../audit/migrations.js";
import { baseConfig, ConfigError } from "../../gateway/config.js";
import { fetchCoordinateIndex } from "../../gateway/fetch-coordinates.js";
import { openPlatformKeyring } from "../../gateway/identity/platform-key.js";
import { fetchBudget, requestDeadline } from "../../gateway/request-deadline.js";
import { serveGateway, type RunningGateway } from "../../gateway/serve-gateway.js";
import { UnitDataSource } from "../../gateway/unit-data-source.js";
import { composeSupergraph } from "../../schema/compose.js";
import { delayingProxy, type DelayingProxy } from "../helpers/delaying-proxy.js";
import { postGraphQL, type GraphQLResponse } from "../helpers/graphql-client.js";
import { servePlainSubgraph } from "../helpers/plain-subgraph.js";
import { tempDir } from "../helpers/temp-dir.js";
import { asRequester, tokenFor } from "../helpers/tokens.js";

/*
 * Issue 14 item 3: a unit that does not answer in time costs the request only that unit's
 * part. Two plain subgraphs over real HTTP: `quick` answers at once; `sluggish` answers at
 * once too, but through a TCP proxy that holds its answer for 2 s (the supergraph's URL is
 * the proxy's), so neither the unit nor the gateway's code paths are altered for the test.
 */

const LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])`;
const QUICK_SDL = `${LINK}
  type Query { quick: String things: [Thing!]! }
  type Thing @key(fields: "id") { id: ID! name: String }`;
const SLUGGISH_SDL = `${LINK}
  type Query { sluggish: String }
  type Thing @key(fields: "id") { id: ID! detail: String }`;

/** Both units at the root, and an entity fetch to the slow one after the quick one's answer. */
const QUERY = `{ quick sluggish things { id name detail } }`;
const DELAY_MS = 2_000;

let subgraphs: Awaited<ReturnType<typeof servePlainSubgraph>>[] = [];
let proxy: DelayingProxy;
let supergraphSdl: string;
let sluggishCalls = 0;
const dirs: ReturnType<typeof tempDir>[] = [];
const gateways: RunningGateway[] = [];

beforeAll(async () => {
  const quick = await servePlainSubgraph(QUICK_SDL, {
    Query: { quick: () => "quick", things: () => [{ id: "1", name: "one" }, { id: "2", name: "two" }] },
  });
  const sluggish = await servePlainSubgraph(SLUGGISH_SDL, {
    Query: { sluggish: () => (sluggishCalls++, "sluggish") },
    Thing: { __resolveReference: (ref: { id: string }) => (sluggishCalls++, { id: ref.id, detail: `detail ${ref.id}` }) },
  });
  subgraphs = [quick, sluggish];
  proxy = await delayingProxy(sluggish.port, 0);
  const composed = composeSupergraph([
    { name: "quick", url: quick.url, sdl: QUICK_SDL },
    { name: "sluggish", url: `http://127.0.0.1:${proxy.port}/graphql`, sdl: SLUGGISH_SDL },
  ]);
  if (!composed.ok) throw new Error(composed.errors.join("\n"));
  supergraphSdl = composed.supergraphSdl;
});

afterAll(async () => {
  for (const g of gateways) await g.close();
  await proxy?.close();
  for (const s of subgraphs) await s.stop();
  for (const d of dirs) d.remove();
});

interface Served {
  readonly gateway: RunningGateway;
  readonly dataDir: string;
  ask(): Promise<GraphQLResponse>;
}

async function gatewayWith(limits: { subgraphTimeoutMs?: number; requestDeadlineMs?: number }, forceRewrite = false): Promise<Served> {
  const dir = tempDir("timeouts");
  dirs.push(dir);
  // Unprobed: the gateway's health probes go through the proxy too, and would be counted as cut.
  const gateway = await serveGateway({ host: "127.0.0.1", port: 0, dataDir: dir.path, defaultClass: "UNCONDITIONAL", ...limits }, supergraphSdl, { forceRewrite, withoutProbes: true });
  gateways.push(gateway);
  const headers = asRequester(await tokenFor(dir.path, "water"), "WORK_REFERENCE");
  return { gateway, dataDir: dir.path, ask: () => postGraphQL(gateway.url, QUERY, {}, headers) };
}

const ALL_DATA = {
  quick: "quick",
  sluggish: "sluggish",
  things: [
    { id: "1", name: "one", detail: "detail 1" },
    { id: "2", name: "two", detail: "detail 2" },
  ],
};
const QUICK_PART_ONLY = {
  quick: "quick",
  sluggish: null,
  things: [
    { id: "1", name: "one", detail: null },
    { id: "2", name: "two", detail: null },
  ],
};

async function until(check: () => boolean, withinMs: number): Promise<void> {
  const end = Date.now() + withinMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`not so within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Asks once with the unit slowed; what came back, how long it took, and what the proxy saw meanwhile. */
async function askSlowed(served: Served): Promise<{ res: GraphQLResponse; elapsedMs: number; cut: number }> {
  // Warm: the plan is cached, so the slow request's time is the fetches'.
  proxy.delayMs = 0;
  expect((await served.ask()).body).toEqual({ data: ALL_DATA });
  const cutBefore = proxy.cut();
  const droppedBefore = proxy.dropped();
  proxy.delayMs = DELAY_MS;
  try {
    const started = performance.now();
    const res = await served.ask();
    const elapsedMs = performance.now() - started;
    const timeouts = (res.body.errors ?? []).filter((e) => e.extensions?.["code"] === "SUBGRAPH_TIMEOUT").length;
    // The gateway closed each timed-out fetch's connection before the unit's answer came due.
    await until(() => proxy.cut() - cutBefore >= timeouts, 1_000);
    const cut = proxy.cut() - cutBefore;
    expect(proxy.dropped()).toBe(droppedBefore);
    // The unit answers late, to a closed connection: it goes nowhere and breaks nothing.
    await until(() => proxy.dropped() > droppedBefore, DELAY_MS + 2_000);
    return { res, elapsedMs, cut };
  } finally {
    proxy.delayMs = 0;
  }
}

function expectTimedOutPart(res: GraphQLResponse): void {
  expect(res.status).toBe(200);
  expect(res.body.data).toEqual(QUICK_PART_ONLY);
  const errors = res.body.errors ?? [];
  // One per fetch to the slow unit: its root field and its Thing entities.
  expect(errors.map((e) => [e.extensions?.["code"], e.extensions?.["unit"]])).toEqual([
    ["SUBGRAPH_TIMEOUT", "sluggish"],
    ["SUBGRAPH_TIMEOUT", "sluggish"],
  ]);
  const body = JSON.stringify(res.body);
  for (const address of ["127.0.0.1", "localhost", String(proxy.port), String(subgraphs[1]!.port), "http"]) expect(body).not.toContain(address);
}

function auditRecords(dataDir: string, requestId: string): [string, string][] {
  const db = new Database(join(dataDir, AUDIT_STORE_FILE), { readonly: true });
  try {
    const rows = db.prepare(`SELECT coordinate, decision FROM access_records WHERE request_id = ? ORDER BY coordinate`).all(requestId) as { coordinate: string; decision: string }[];
    return rows.map((r) => [r.coordinate, r.decision]);
  } finally {
    db.close();
  }
}

describe("subgraph timeouts", () => {
  it.each([
    ["untouched path", false],
    ["forced rewrite", true],
  ])("per-fetch timeout 300 ms, unit 2 s late (%s): the other unit's data, the late part null with SUBGRAPH_TIMEOUT naming the unit", async (_name, forceRewrite) => {
    const served = await gatewayWith({ subgraphTimeoutMs: 300 }, forceRewrite);
    const { res, elapsedMs, cut } = await askSlowed(served);
    expectTimedOutPart(res);
    expect(elapsedMs).toBeLessThan(DELAY_MS - 500);
    expect(cut).toBe(2);
    // The fields were decided and recorded as usual, and committed before the answer left.
    expect(auditRecords(served.dataDir, res.headers.get("x-request-id")!)).toEqual([
      ["Query.quick", "ALLOWED"],
      ["Query.sluggish", "ALLOWED"],
      ["Query.things", "ALLOWED"],
      ["Thing.detail", "ALLOWED"],
      ["Thing.id", "ALLOWED"],
      ["Thing.name", "ALLOWED"],
    ]);
    // Nothing stuck: the next request gets everything.
    expect((await served.ask()).body).toEqual({ data: ALL_DATA });
  });

  it("request deadline 500 ms with a 10 s per-fetch timeout: the same, cut by the deadline", async () => {
    const served = await gatewayWith({ subgraphTimeoutMs: 10_000, requestDeadlineMs: 500 });
    const { res, elapsedMs, cut } = await askSlowed(served);
    expectTimedOutPart(res);
    expect(elapsedMs).toBeLessThan(DELAY_MS - 500);
    expect(cut).toBe(2);
    expect((await served.ask()).body).toEqual({ data: ALL_DATA });
  });

  it("a fetch due after the request's deadline is not sent at all", async () => {
    const dir = tempDir("timeouts");
    dirs.push(dir);
    const source = new UnitDataSource("sluggish", `http://127.0.0.1:${proxy.port}/graphql`, await openPlatformKeyring(dir.path), fetchCoordinateIndex(supergraphSdl).forUnit("sluggish"), 10_000);
    const calls = sluggishCalls;
    const spent = requestDeadline(500, performance.now() - 501);
    // (@apollo/gateway does not export its request-kind enum: its value, as the gateway passes it.)
    const options = { kind: "health check", request: { query: "{ sluggish }" }, context: { deadline: spent } };
    const fetched = source.process(options as unknown as Parameters<UnitDataSource["process"]>[0]);
    await expect(fetched).rejects.toMatchObject({ extensions: { code: "SUBGRAPH_TIMEOUT", unit: "sluggish" } });
    expect(sluggishCalls).toBe(calls);
  });
});

describe("a fetch's budget", () => {
  it.each([
    ["the fetch's own timeout, with time to spare", 300, 30_000, 100, 300],
    ["what remains of the deadline, for a fetch started late", 10_000, 500, 300, 200],
    ["nothing, past the deadline", 10_000, 500, 600, -100],
  ])("is %s", (_name, timeoutMs, deadlineMs, startedAt, budget) => {
    expect(fetchBudget(timeoutMs, requestDeadline(deadlineMs, 0), startedAt).ms).toBe(budget);
  });

  it("is the timeout for the gateway's own calls, which have no deadline", () => {
    expect(fetchBudget(300, undefined).ms).toBe(300);
  });
});

describe("timeout configuration", () => {
  it("defaults to 10 s per fetch and 30 s per request", () => {
    expect(baseConfig({})).toMatchObject({ subgraphTimeoutMs: 10_000, requestDeadlineMs: 30_000 });
    expect(baseConfig({ ECOFED_SUBGRAPH_TIMEOUT_MS: "300", ECOFED_REQUEST_DEADLINE_MS: "500" })).toMatchObject({ subgraphTimeoutMs: 300, requestDeadlineMs: 500 });
  });

  it.each(["ECOFED_SUBGRAPH_TIMEOUT_MS", "ECOFED_REQUEST_DEADLINE_MS"])("%s must be a positive whole number of milliseconds", (name) => {
    for (const bad of ["0", "-5", "1.5", "abc", "1e3", " 300", "2147483648"]) {
      let thrown: unknown;
      try {
        baseConfig({ [name]: bad });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ConfigError);
      expect((thrown as Error).message).toMatch(new RegExp(`^${name} must be .*, got "${bad.replace(/[.]/g, "\\.")}"$`));
      expect((thrown as Error).message).not.toContain("\n");
    }
  });
});
