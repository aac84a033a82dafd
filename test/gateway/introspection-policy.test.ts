import { join } from "node:path";
import Database from "better-sqlite3";
import { parse, type OperationDefinitionNode } from "graphql";
import { recordsBetween } from "../../audit/export-records.js";
import { AUDIT_STORE_FILE } from "../../audit/migrations.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GatewayConfig } from "../../gateway/config.js";
import { introspects, type IntrospectionPolicy } from "../../gateway/enforcement/introspection-policy.js";
import { serveGateway, type RunningGateway } from "../../gateway/serve-gateway.js";
import { composeSupergraph } from "../../schema/compose.js";
import { startFixtureSubgraphs, type RunningFixture } from "../fixtures/federation-semantics/index.js";
import { errorCodes, postGraphQL, type GraphQLResponse } from "../helpers/graphql-client.js";
import { tempDir } from "../helpers/temp-dir.js";
import { asRequester, tokenFor } from "../helpers/tokens.js";

/*
 * Issue 14 item 8: ECOFED_INTROSPECTION. Over the foreign fixture subgraphs (every field
 * UNCONDITIONAL), so an external department reads data and only introspection differs.
 */

const SCHEMA = `{ __schema { queryType { name } types { name } } }`;
const TYPE = `{ __type(name: "Product") { name fields { name } } }`;
const NAMED_FRAGMENT = `{ ...Q } fragment Q on Query { __schema { types { name } } }`;
const NESTED_FRAGMENTS = `{ ... on Query { ...A } } fragment A on Query { ...B } fragment B on Query { __type(name: "Product") { name } }`;
const WITH_DATA = `{ topProducts(first: 1) { upc } __schema { queryType { name } } }`;
const TYPENAME = `{ __typename topProducts(first: 1) { __typename upc } }`;
const DATA = `{ topProducts(first: 1) { upc } }`;

let dir: ReturnType<typeof tempDir>;
let fixtures: RunningFixture[] = [];
const gateways = new Map<IntrospectionPolicy | "default", RunningGateway>();
let internalToken: string;
let externalToken: string;

beforeAll(async () => {
  dir = tempDir("introspection");
  fixtures = await startFixtureSubgraphs();
  const composed = composeSupergraph(fixtures.map((f) => ({ name: f.name, url: f.url, sdl: f.sdl })));
  if (!composed.ok) throw new Error(composed.errors.join("\n"));
  const config: GatewayConfig = { host: "127.0.0.1", port: 0, dataDir: dir.path, defaultClass: "UNCONDITIONAL" };
  gateways.set("default", await serveGateway(config, composed.supergraphSdl));
  for (const policy of ["off", "all"] as const) gateways.set(policy, await serveGateway({ ...config, introspection: policy }, composed.supergraphSdl));
  internalToken = await tokenFor(dir.path, "water");
  externalToken = await tokenFor(dir.path, "ext:somedept");
});

afterAll(async () => {
  for (const g of gateways.values()) await g.close();
  for (const f of fixtures) await f.close();
  dir?.remove();
});

function ask(policy: IntrospectionPolicy | "default", token: string | null, query: string, operationName?: string): Promise<GraphQLResponse> {
  const headers = token ? asRequester(token, "WORK_REFERENCE") : {};
  return postGraphQL(gateways.get(policy)!.url, query, {}, headers, operationName);
}

/** Refused: the one coded error, and nothing of the schema in the answer. */
function expectRefused(res: GraphQLResponse, status: number): void {
  expect(res.status).toBe(status);
  expect(errorCodes(res.body)).toEqual([["INTROSPECTION_DISABLED", ""]]);
  expect(res.body.data ?? null).toBeNull();
  expect(JSON.stringify(res.body)).not.toMatch(/Product|queryType|"types"/);
}

describe("ECOFED_INTROSPECTION=internal (the default)", () => {
  it.each([
    ["__schema", SCHEMA],
    ["__type", TYPE],
    ["through a named fragment", NAMED_FRAGMENT],
  ])("lets an internal unit's token introspect: %s", async (_name, query) => {
    const res = await ask("default", internalToken, query);
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(JSON.stringify(res.body.data)).toContain("Product");
  });

  it.each([
    ["__schema", SCHEMA],
    ["__type", TYPE],
    ["through a named fragment", NAMED_FRAGMENT],
    ["through an inline fragment and nested named fragments", NESTED_FRAGMENTS],
    ["next to data, which is not served either", WITH_DATA],
  ])("refuses an external department with HTTP 403: %s", async (_name, query) => {
    expectRefused(await ask("default", externalToken, query), 403);
  });

  it("records each refusal for the security team: one DENIED record, reason INTROSPECTION_DISABLED", async () => {
    const res = await ask("default", externalToken, SCHEMA);
    const requestId = res.headers.get("x-request-id")!;
    const db = new Database(join(dir.path, AUDIT_STORE_FILE), { readonly: true });
    try {
      const records = [...recordsBetween(db, "2000-01-01T00:00:00Z", "2100-01-01T00:00:00Z")].filter((r) => r.requestId === requestId);
      expect(records).toEqual([expect.objectContaining({ unit: "ext:somedept", coordinate: "Query", owner: "platform", decision: "DENIED", reason: "INTROSPECTION_DISABLED" })]);
    } finally {
      db.close();
    }
  });

  it("refuses an unauthenticated caller before anything (HTTP 401), showing no schema", async () => {
    const res = await ask("default", null, SCHEMA);
    expect(res.status).toBe(401);
    expect(errorCodes(res.body)).toEqual([["UNAUTHENTICATED", ""]]);
    expect(JSON.stringify(res.body)).not.toMatch(/queryType|"types"/);
  });

  it("always allows __typename, and data, to an external department", async () => {
    const res = await ask("default", externalToken, TYPENAME);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { __typename: "Query", topProducts: [{ __typename: "Product", upc: "p1" }] } });
  });

  it("judges only the operation run: another operation of the document may introspect", async () => {
    const res = await ask("default", externalToken, `query A ${SCHEMA} query B ${DATA}`, "B");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { topProducts: [{ upc: "p1" }] } });
    expectRefused(await ask("default", externalToken, `query A ${SCHEMA} query B ${DATA}`, "A"), 403);
  });

  it.each([
    ["several operations and no operationName", undefined],
    ["an unknown operationName", "Nope"],
  ])("answers an external department's document with %s with a coded 400, never a 500 (found by the fuzz)", async (_name, operationName) => {
    const res = await ask("default", externalToken, `query A ${SCHEMA} query B ${DATA}`, operationName);
    expect(res.status).toBe(400);
    expect(errorCodes(res.body)).toEqual([["OPERATION_RESOLUTION_FAILURE", ""]]);
  });

  it("keeps explain working for an external department (it reads the schema inside the gateway)", async () => {
    const res = await postGraphQL(gateways.get("default")!.url, `query ($q: String!) { explain(query: $q) { coordinate decision } }`, { q: DATA }, asRequester(externalToken, "WORK_REFERENCE"));
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.["explain"]).toEqual(expect.arrayContaining([{ coordinate: "Query.topProducts", decision: "ALLOWED" }]));
  });
});

describe("ECOFED_INTROSPECTION=off", () => {
  it.each([
    ["an internal unit", () => internalToken],
    ["an external department", () => externalToken],
  ])("refuses %s, with the same code (HTTP 400: Apollo Server's own validation refuses it first)", async (_name, token) => {
    expectRefused(await ask("off", token(), SCHEMA), 400);
    expectRefused(await ask("off", token(), NAMED_FRAGMENT), 400);
  });

  it("still serves data, __typename and explain", async () => {
    expect((await ask("off", internalToken, TYPENAME)).body.errors).toBeUndefined();
    const res = await postGraphQL(gateways.get("off")!.url, `query ($q: String!) { explain(query: $q) { coordinate } }`, { q: DATA }, asRequester(internalToken, "WORK_REFERENCE"));
    expect(res.body.errors).toBeUndefined();
  });
});

describe("ECOFED_INTROSPECTION=all", () => {
  it("lets an external department introspect", async () => {
    for (const query of [SCHEMA, NESTED_FRAGMENTS]) {
      const res = await ask("all", externalToken, query);
      expect(res.status).toBe(200);
      expect(res.body.errors).toBeUndefined();
      expect(JSON.stringify(res.body.data)).toContain("Product");
    }
  });

  it("still refuses an unauthenticated caller (HTTP 401)", async () => {
    expect((await ask("all", null, SCHEMA)).status).toBe(401);
  });
});

describe("introspects()", () => {
  const operation = (doc: ReturnType<typeof parse>): OperationDefinitionNode => doc.definitions.find((d): d is OperationDefinitionNode => d.kind === "OperationDefinition")!;

  it("walks each fragment once: a 2^40 fragment bomb is answered at once, however deep __type sits", () => {
    const levels = 40;
    const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join("\n");
    const withIntrospection = parse(`{ ...F0 } ${fragments} fragment F${levels} on Query { __type(name: "X") { name } }`);
    const without = parse(`{ ...F0 } ${fragments} fragment F${levels} on Query { __typename }`);
    expect(introspects(withIntrospection, operation(withIntrospection))).toBe(true);
    expect(introspects(without, operation(without))).toBe(false);
  });
});
