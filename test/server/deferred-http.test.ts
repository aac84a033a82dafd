import { ApolloServer } from "@apollo/server";
import { buildSchema } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deferStringify, deferredWaiting } from "../../server/deferred-results.js";
import { listenGraphQL, type RunningHttpServer } from "../../server/graphql-http.js";

// A result handed over by ticket is written whole, with its length, and never left behind.

const schema = buildSchema(`type Item { id: Int! name: String! } type Query { items(n: Int!): [Item!]! }`);
const rootValue = { items: ({ n }: { n: number }) => Array.from({ length: n }, (_, id) => ({ id, name: `名称 ${id} 😀` })) };

let apollo: ApolloServer;
let http: RunningHttpServer;
let failNext = false;
beforeAll(async () => {
  apollo = new ApolloServer({ schema, rootValue, stringifyResult: deferStringify });
  await apollo.start();
  http = await listenGraphQL({
    apollo,
    host: "127.0.0.1",
    port: 0,
    context: async () => ({}),
    healthy: () => true,
    beforeRespond: async () => {
      if (!failNext) return;
      failNext = false;
      throw Object.assign(new Error("publish failed"), { extensions: { code: "GOVERNANCE_UNAVAILABLE" } });
    },
  });
});
afterAll(async () => {
  await http.close();
  await apollo.stop();
});

const post = (n: number): Promise<Response> =>
  fetch(http.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: `{ items(n: ${n}) { id name } }` }) });

describe("answers written from a deferred result", () => {
  it.each([0, 3, 5_000])("writes %i items as JSON.stringify would, with their exact length", async (n) => {
    const res = await post(n);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(res.status).toBe(200);
    expect(Number(res.headers.get("content-length"))).toBe(bytes.length);
    expect(bytes.toString("utf8")).toBe(`${JSON.stringify({ data: { items: rootValue.items({ n }) } })}\n`);
    expect(deferredWaiting()).toBe(0);
  });

  it("answers a failed beforeRespond with its error, and keeps no result waiting", async () => {
    failNext = true;
    const res = await post(50);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe("GOVERNANCE_UNAVAILABLE");
    expect(deferredWaiting()).toBe(0);
  });

  it("writes Apollo's own refusals the same way (a query that does not parse: 400)", async () => {
    const res = await fetch(http.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ items(" }) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe("GRAPHQL_PARSE_FAILED");
    expect(deferredWaiting()).toBe(0);
  });
});
