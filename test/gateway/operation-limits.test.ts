import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoEnterprises } from "../../demo/enterprises.js";
import { postGraphQL, type GraphQLResponse } from "../helpers/graphql-client.js";
import { startInProcessFederation, type InProcessFederation } from "../helpers/in-process-federation.js";
import { asRequester, tokenFor } from "../helpers/tokens.js";

// Issue 14 §1 and §7, each reproduction over real HTTP: refused with a coded 400 before any
// subgraph is asked, recorded for the security team, and the gateway keeps answering.
let fed: InProcessFederation;
beforeAll(async () => {
  fed = await startInProcessFederation();
});
afterAll(() => fed?.stop());

const e = demoEnterprises().find((x) => x.inspected)!;

async function ask(query: string, operationName?: string, unit = "water"): Promise<GraphQLResponse> {
  return postGraphQL(fed.gateway.url, query, { c: e.creditCode }, asRequester(await tokenFor(fed.dataDir, unit), "WORK_REFERENCE"), operationName);
}

async function recordsOf(requestId: string) {
  const res = await postGraphQL(
    fed.gateway.url,
    `query ($r: ID!) { accessLog(filter: { requestId: $r }, first: 10) { nodes { coordinate owner decision reason unit operationName } } }`,
    { r: requestId },
    asRequester(await tokenFor(fed.dataDir, "info-center", ["security"]), "DATA_VERIFICATION"),
  );
  return (res.body.data!["accessLog"] as { nodes: unknown[] }).nodes;
}

/** `Enterprise.contaminatedSites` ↔ `ContaminatedSite.enterprise`, `levels` times: the answer doubles per level. */
function cycle(levels: number): string {
  let inner = "name";
  for (let i = 0; i < levels; i++) inner = i % 2 === 0 ? `contaminatedSites { id enterprise { ${inner} } }` : `name contaminatedSites { id enterprise { ${inner} } }`;
  return `query Cycle($c: ID!) { enterprise(creditCode: $c) { ${inner} } }`;
}

function fragmentBomb(levels: number): string {
  const fragments = [`fragment F0 on Enterprise { name }`];
  for (let i = 1; i <= levels; i++) fragments.push(`fragment F${i} on Enterprise { ...F${i - 1} ...F${i - 1} }`);
  return `query Bomb($c: ID!) { enterprise(creditCode: $c) { ...F${levels} } } ${fragments.join(" ")}`;
}

const limitOf = (res: GraphQLResponse) => res.body.errors?.[0]?.extensions?.["limit"] as { name: string; max: number; actual: number } | undefined;

describe("operation limits", () => {
  it.each([
    ["a 25-level nested cycle", () => cycle(25), "depth"],
    ["2,000 aliases of one field", () => `query ($c: ID!) { enterprise(creditCode: $c) { ${Array.from({ length: 2_000 }, (_, i) => `a${i}: name`).join(" ")} } }`, "aliases"],
    ["10,000 aliases (the planner's own limit)", () => `query ($c: ID!) { enterprise(creditCode: $c) { ${Array.from({ length: 10_000 }, (_, i) => `a${i}: name`).join(" ")} } }`, "tokens"],
    ["the 1,156-byte fragment bomb (2^24)", () => fragmentBomb(24), "fields"],
    ["200 aliases of readings(last: 500)", () => `query { ${Array.from({ length: 200 }, (_, i) => `s${i}: airStations { readings(last: 500) { aqi } }`).join(" ")} }`, "rootFields"],
    ["readings(last: 500) of every station, five ways", () => `query { airStations { ${Array.from({ length: 5 }, (_, i) => `r${i}: readings(last: 500) { aqi }`).join(" ")} } ${Array.from({ length: 3 }, (_, i) => `x${i}: airStations { readings(last: 500) { aqi } }`).join(" ")} }`, "cost"],
  ])("refuses %s: HTTP 400 OPERATION_LIMIT naming the limit, no subgraph asked, one audit record", async (_name, query, limit) => {
    fed.resetStatements();
    const res = await ask(query());
    expect(res.status).toBe(400);
    expect(res.body.errors?.map((x) => x.extensions?.["code"])).toEqual(["OPERATION_LIMIT"]);
    expect(limitOf(res)).toMatchObject({ name: limit });
    expect(limitOf(res)!.actual).toBeGreaterThan(limitOf(res)!.max);
    expect(res.body.data ?? null).toBeNull();
    expect(fed.subgraphQueries()).toEqual([]);
    expect(await recordsOf(res.headers.get("x-request-id")!)).toEqual([
      expect.objectContaining({ coordinate: "Query", owner: "platform", decision: "DENIED", reason: `OPERATION_LIMIT:${limit}`, unit: "water" }),
    ]);
    // …and the gateway keeps answering.
    expect((await ask(`query ($c: ID!) { enterprise(creditCode: $c) { name } }`)).status).toBe(200);
  });

  it("admits a real nesting of the same cycle and several operations with an operationName", async () => {
    expect((await ask(cycle(4))).status).toBe(200);
    const two = `query A($c: ID!) { enterprise(creditCode: $c) { name } } query B($c: ID!) { enterprise(creditCode: $c) { creditCode } }`;
    const res = await ask(two, "B");
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ enterprise: { creditCode: e.creditCode } });
  });

  it("runs the named operation when another operation declares a variable its own fragment uses (found by the fuzz: HTTP 500 INVALID_GRAPHQL)", async () => {
    const doc = `query A($c: ID!) { enterprise(creditCode: $c) { ...Name } } query B($i: ID!) { ...Inspection } fragment Name on Enterprise { name } fragment Inspection on Query { inspection(id: $i) { id } }`;
    const res = await ask(doc, "A");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { enterprise: { name: e.name } } });
  });

  it("refuses the fragment bomb inside explain(query:) too", async () => {
    const res = await postGraphQL(fed.gateway.url, `query ($q: String!) { explain(query: $q) { coordinate } }`, { q: fragmentBomb(24).replace("($c: ID!)", "").replace("$c", `"${e.creditCode}"`) }, asRequester(await tokenFor(fed.dataDir, "water"), "WORK_REFERENCE"));
    expect(res.body.errors?.map((x) => x.extensions?.["code"])).toEqual(["OPERATION_LIMIT"]);
  });
});

describe("explainCost(query:)", () => {
  const explainCost = async (q: string) =>
    postGraphQL(fed.gateway.url, `query ($q: String!) { explainCost(query: $q) { depth cost limits { name max actual } } }`, { q }, asRequester(await tokenFor(fed.dataDir, "water"), "WORK_REFERENCE"));

  it("reports an operation's depth, cost and every limit it uses, without running it", async () => {
    fed.resetStatements();
    const res = await explainCost(`{ airStations { name readings(last: 48) { aqi } } }`);
    expect(res.body.errors).toBeUndefined();
    // airStations is declared @listSize(assumedSize: 100): 1 + 100 × (1 + 1 + 48 × 1).
    expect(res.body.data).toEqual({
      explainCost: {
        depth: 3,
        cost: 1 + 100 * (1 + 1 + 48),
        limits: [
          { name: "tokens", max: 15_000, actual: 15 },
          { name: "operations", max: 20, actual: 1 },
          { name: "directives", max: 10, actual: 0 },
          { name: "depth", max: 12, actual: 3 },
          { name: "rootFields", max: 30, actual: 1 },
          { name: "aliases", max: 100, actual: 0 },
          { name: "fields", max: 2_000, actual: 4 },
          { name: "cost", max: 100_000, actual: 5_001 },
        ],
      },
    });
    expect(fed.subgraphQueries()).toEqual([]);
  });

  it("measures the 2^24 fragment bomb (linearly) rather than refusing it: the figures are the answer", async () => {
    const res = await explainCost(fragmentBomb(24).replace("($c: ID!)", "").replace("$c", `"${e.creditCode}"`));
    const limits = (res.body.data?.["explainCost"] as { limits: { name: string; actual: number }[] }).limits;
    expect(limits.find((l) => l.name === "fields")!.actual).toBe(2 ** 24 + 1);
  });
});

describe("a field whose every selection is conditional (the planner hoisted their condition above it; found by the fuzz)", () => {
  const asWater = async (query: string, variables: Record<string, unknown>) =>
    postGraphQL(fed.gateway.url, query, variables, asRequester(await tokenFor(fed.dataDir, "water"), "WORK_REFERENCE"));

  it("is answered, empty, when the condition excludes every selection: not data null without an error", async () => {
    const res = await asWater(`query ($a: Boolean!, $b: Boolean!) { divisions @skip(if: $a) { code @include(if: $b) } }`, { a: false, b: false });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.["divisions"]).toEqual(Array.from({ length: 31 }, () => ({})));
  });

  it("is an object, not null, for a nullable field too, and the answer holds only what was asked", async () => {
    const query = `query ($c: ID!, $a: Boolean!, $b: Boolean!) { enterprise(creditCode: $c) @skip(if: $a) { name @include(if: $b) ... @include(if: $b) { creditCode } } }`;
    expect((await asWater(query, { c: e.creditCode, a: false, b: false })).body).toEqual({ data: { enterprise: {} } });
    expect((await asWater(query, { c: e.creditCode, a: false, b: true })).body).toEqual({ data: { enterprise: { name: e.name, creditCode: e.creditCode } } });
    expect((await asWater(query, { c: e.creditCode, a: true, b: true })).body).toEqual({ data: {} });
  });

  it("is guarded on the rewriting path too (a denied field beside it)", async () => {
    // The water unit's own sections, fetched alone (the hoisting needs a fetch of conditional selections only).
    const sections = ((await asWater(`{ waterSections(divisionCode: "110000") { __typename } }`, {})).body.data!["waterSections"] as unknown[]).length;
    expect(sections).toBeGreaterThan(0);
    const query = `query ($c: ID!, $a: Boolean!, $b: Boolean!) { enterprise(creditCode: $c) { inspections { id } } waterSections(divisionCode: "110000") @skip(if: $a) { __typename @include(if: $b) } }`;
    const res = await asWater(query, { c: e.creditCode, a: false, b: false });
    expect(res.body.errors?.map((x) => x.extensions?.["code"])).toEqual(["SHARE_DENIED"]);
    expect(res.body.data).toEqual({ enterprise: { inspections: null }, waterSections: Array.from({ length: sections }, () => ({})) });
  });
});

describe("a value only the unit can check", () => {
  it("is refused as the unit refuses it, BAD_USER_INPUT naming the unit, not SUBGRAPH_UNAVAILABLE (found by the fuzz)", async () => {
    const res = await postGraphQL(fed.gateway.url, `query ($d: Date) { penalties(from: $d, first: 1) { totalCount } }`, { d: 1.5 }, asRequester(await tokenFor(fed.dataDir, "water"), "WORK_REFERENCE"));
    expect(res.body.errors?.map((x) => [x.extensions?.["code"], x.extensions?.["unit"]])).toEqual([["BAD_USER_INPUT", "enforcement"]]);
    expect(res.body.errors?.[0]?.message).toContain("Date must be YYYY-MM-DD");
  });

  // The gateway takes any JSON for a custom scalar; 100,000 levels of it overflowed the walks of the subgraph fetch.
  const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
  const DEEP_DATE = `query ($d: Date) { penalties(from: $d, first: 1) { totalCount } }`;

  it("refuses a variable nested 100,000 deep: a coded 400, not an internal error (found by the fuzz)", async () => {
    const res = await fetch(fed.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...asRequester(await tokenFor(fed.dataDir, "water"), "WORK_REFERENCE") },
      body: `{"query":${JSON.stringify(DEEP_DATE)},"variables":{"d":${deep}}}`,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as GraphQLResponse["body"]).errors?.map((x) => x.extensions?.["code"])).toEqual(["BAD_REQUEST"]);
  });

  it("refuses the same in a GET's variables", async () => {
    const levels = 5_000; // brackets unescaped (a URL's query may hold them): what fits in Node's 16 KiB of headers
    const url = `${fed.gateway.url}?query=${encodeURIComponent(DEEP_DATE)}&variables=${encodeURIComponent('{"d":')}${"[".repeat(levels)}${"]".repeat(levels)}${encodeURIComponent("}")}`;
    const res = await fetch(url, { headers: { "apollo-require-preflight": "1", ...asRequester(await tokenFor(fed.dataDir, "water"), "WORK_REFERENCE") } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as GraphQLResponse["body"]).errors?.map((x) => x.extensions?.["code"])).toEqual(["BAD_REQUEST"]);
  });
});

describe("operations the gateway does not run", () => {
  it.each([
    ["two operations without operationName", `query A { divisions { code } } query B { divisions { name } }`, undefined, "OPERATION_RESOLUTION_FAILURE"],
    ["an unknown operationName", `query A { divisions { code } }`, "Nope", "OPERATION_RESOLUTION_FAILURE"],
    ["a subscription", `subscription { divisions { code } }`, undefined, "OPERATION_NOT_SUPPORTED"],
  ])("%s: a coded 400, never a 500", async (_name, query, operationName, code) => {
    const res = await ask(query, operationName);
    expect(res.status).toBe(400);
    expect(res.body.errors?.map((x) => x.extensions?.["code"])).toEqual([code]);
  });

  it.each([
    ["a persisted query whose sha256Hash is not its text's", { query: "{ divisions { code } }", extensions: { persistedQuery: { version: 1, sha256Hash: "abc" } } }],
    ["an unsupported persisted-query version", { query: "{ divisions { code } }", extensions: { persistedQuery: { version: 2, sha256Hash: "abc" } } }],
  ])("%s: a coded 400, never INTERNAL_SERVER_ERROR (found by the fuzz)", async (_name, body) => {
    const res = await fetch(fed.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...asRequester(await tokenFor(fed.dataDir, "water"), "WORK_REFERENCE") },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as GraphQLResponse["body"]).errors?.map((x) => x.extensions?.["code"])).toEqual(["BAD_REQUEST"]);
  });

  it("@defer: a coded 400", async () => {
    const res = await ask(`query ($c: ID!) { enterprise(creditCode: $c) { name ... @defer { creditCode } } }`);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions?.["code"]).not.toBe("INTERNAL_SERVER_ERROR");
  });
});
