import { buildSchema, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { operationCoordinates } from "../../schema/operation-coordinates.js";

const schema = buildSchema(`
  type Query { enterprise(id: ID): Enterprise sites: [Site!]! node: Node }
  interface Node { id: ID! }
  type Enterprise implements Node { id: ID! name: String sites: [Site!]! }
  type Site implements Node { id: ID! enterprise: Enterprise }
`);

function coordinates(query: string, stats?: { visited: number }): string[] {
  return operationCoordinates(parse(query), schema, stats);
}

describe("the coordinates an operation reads", () => {
  it.each([
    ["plain fields", `{ enterprise { name } }`, ["Enterprise.name", "Query.enterprise"]],
    ["__typename is no data", `{ enterprise { __typename name } }`, ["Enterprise.name", "Query.enterprise"]],
    ["a fragment spread twice, once", `{ enterprise { ...E } sites { enterprise { ...E } } } fragment E on Enterprise { name }`, ["Enterprise.name", "Query.enterprise", "Query.sites", "Site.enterprise"]],
    ["inline fragments on an interface", `{ node { id ... on Site { enterprise { id } } } }`, ["Enterprise.id", "Node.id", "Query.node", "Site.enterprise"]],
    ["a fragment cycle (invalid, but never a loop)", `{ enterprise { ...A } } fragment A on Enterprise { sites { enterprise { ...A } } }`, ["Enterprise.sites", "Query.enterprise", "Site.enterprise"]],
  ])("%s", (_name, query, expected) => {
    expect(coordinates(query)).toEqual(expected);
  });

  it("throws on what the schema does not have", () => {
    expect(() => coordinates(`{ enterprise { revenue } }`)).toThrow('unknown field "Enterprise.revenue"');
  });

  it("walks the 2^24 fragment bomb once per fragment: work linear in the document", () => {
    const fragments = [`fragment F0 on Enterprise { name }`];
    for (let i = 1; i <= 24; i++) fragments.push(`fragment F${i} on Enterprise { ...F${i - 1} ...F${i - 1} }`);
    const stats = { visited: 0 };
    expect(coordinates(`{ enterprise(id: "x") { ...F24 } } ${fragments.join(" ")}`, stats)).toEqual(["Enterprise.name", "Query.enterprise"]);
    // 1 root field + 1 spread + 24 × 2 spreads + F0's field: the selections written, each once.
    expect(stats.visited).toBe(1 + 1 + 24 * 2 + 1);
  });
});
