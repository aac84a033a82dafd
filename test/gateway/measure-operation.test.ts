import { buildSchema, getOperationAST, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { measureOperation } from "../../gateway/limits/measure-operation.js";
import { countTokens, DEFAULT_OPERATION_LIMITS, exceededLimit } from "../../gateway/limits/operation-limits.js";
import { parseLimits } from "../../gateway/limits/limits-config.js";
import { declaredListSizes } from "../../gateway/limits/list-sizes.js";

const schema = buildSchema(`
  type Query { enterprise(id: ID): Enterprise enterprises(first: Int): [Enterprise!]! sites: [Site!]! }
  type Enterprise { name: String sites(first: Int): [Site!]! owner: Person }
  type Site { id: ID enterprise: Enterprise readings(last: Int): [Int!]! }
  type Person { name: String }
`);

function measure(query: string, variables: Record<string, unknown> = {}, stats?: { visited: number }) {
  const document = parse(query);
  return measureOperation(schema, document, getOperationAST(document)!, variables, { defaultListSize: 10 }, stats);
}

/** 24 fragments, each spreading the one before twice: 2^24 fields in ~1.1 KB (issue 14). */
function fragmentBomb(levels: number): string {
  const fragments = [`fragment F0 on Enterprise { name }`];
  for (let i = 1; i <= levels; i++) fragments.push(`fragment F${i} on Enterprise { ...F${i - 1} ...F${i - 1} }`);
  return `{ enterprise(id: "x") { ...F${levels} } } ${fragments.join(" ")}`;
}

describe("measuring an operation (linear in the document)", () => {
  it.each([
    ["one field", `{ enterprise { name } }`, { depth: 2, aliases: 0, rootFields: 1, fields: 2, cost: 2 }],
    ["aliases", `{ a: enterprise { n: name } b: enterprise { name } }`, { depth: 2, aliases: 3, rootFields: 2, fields: 4, cost: 4 }],
    ["a list with no size: the default (10)", `{ sites { id } }`, { depth: 2, fields: 2, cost: 1 + 10 * 1 }],
    ["a list sized by its argument", `{ enterprises(first: 3) { name } }`, { cost: 1 + 3 }],
    ["a list sized by a variable", `query ($n: Int) { enterprises(first: $n) { name } }`, { cost: 1 + 7 }],
    ["nested lists multiply", `{ enterprises(first: 2) { sites(first: 5) { readings(last: 100) } } }`, { depth: 3, cost: 1 + 2 * (1 + 5 * 1) }],
    ["a fragment counts where it is spread, each time", `{ enterprise { ...F } e2: enterprise { ...F } } fragment F on Enterprise { name owner { name } }`, { depth: 3, rootFields: 2, fields: 8, aliases: 1 }],
    ["inline fragments", `{ enterprise { ... on Enterprise { name } } }`, { depth: 2, fields: 2 }],
    ["root fields through a fragment", `{ ...R } fragment R on Query { enterprise { name } sites { id } }`, { rootFields: 2 }],
  ])("%s", (_name, query, expected) => {
    expect(measure(query, { n: 7 })).toMatchObject(expected);
  });

  it("counts the 2^24 fragment bomb without expanding it: work linear in the document", () => {
    const query = fragmentBomb(24);
    expect(query.length).toBeLessThan(1_200);
    const stats = { visited: 0 };
    const m = measure(query, {}, stats);
    expect(m.fields).toBe(2 ** 24 + 1);
    // Each fragment's selections are visited once: 2 per fragment, 1 for F0, 2 at the top.
    expect(stats.visited).toBeLessThanOrEqual(3 * 26);
    expect(stats.visited).toBeLessThan(query.length);
  });

  it("takes a unit's declared @listSize over the default, and its own slicing arguments", () => {
    const document = parse(`{ sites { readings } s: sites { readings(last: 3) } }`);
    const listSizes = new Map([
      ["Query.sites", { assumedSize: 100 }],
      ["Site.readings", { assumedSize: 24, slicingArguments: ["last"] }],
    ]);
    const m = measureOperation(schema, document, getOperationAST(document)!, {}, { defaultListSize: 10, listSizes });
    expect(m.cost).toBe(2 * (1 + 100 * 1));
  });

  it("reads @listSize from a supergraph", () => {
    const sizes = declaredListSizes(`type Query { a: [Int] @listSize(assumedSize: 7) b(n: Int): [Int] @listSize(slicingArguments: ["n"]) c: [Int] }`);
    expect([...sizes]).toEqual([["Query.a", { assumedSize: 7 }], ["Query.b", { slicingArguments: ["n"] }]]);
  });

  it("a fragment that spreads itself is not followed forever", () => {
    const query = `{ enterprise { ...A } } fragment A on Enterprise { name owner { name } ...A }`;
    expect(measure(query).fields).toBe(4);
  });
});

describe("the limits", () => {
  const check = (query: string, limits = DEFAULT_OPERATION_LIMITS, operationName?: string) => {
    const document = parse(query);
    const operation = getOperationAST(document, operationName) ?? getOperationAST(document, "Q0")!;
    return exceededLimit(limits, schema, document, operation, query, {});
  };

  it.each([
    ["depth", `{ ${"enterprise { owner { name } sites { enterprise { ".repeat(5)} name ${"} } }".repeat(5)} }`],
    ["aliases", `{ enterprise { ${Array.from({ length: 101 }, (_, i) => `a${i}: name`).join(" ")} } }`],
    ["rootFields", `{ ${Array.from({ length: 31 }, () => `enterprise { name }`).join(" ")} }`],
    ["fields", fragmentBomb(24)],
    ["cost", `{ enterprises(first: 100) { sites(first: 100) { enterprise { sites(first: 100) { id } } } } }`],
    ["directives", `{ enterprise ${"@include(if: true) ".repeat(11)} { name } }`],
    ["operations", Array.from({ length: 21 }, (_, i) => `query Q${i} { enterprise { name } }`).join(" ")],
  ])("refuses past %s, naming it with its maximum and the actual figure", (name, query) => {
    const exceeded = check(query);
    expect(exceeded?.name).toBe(name);
    expect(exceeded!.actual).toBeGreaterThan(exceeded!.max);
  });

  it("admits what a dashboard asks: a nested join with no size arguments, several operations", () => {
    expect(check(`query A { enterprises { name sites { id readings enterprise { name owner { name } } } } } query B { sites { id } }`, DEFAULT_OPERATION_LIMITS, "A")).toBeNull();
  });

  it("counts tokens only up to where it stops", () => {
    expect(countTokens("{ a b c }", 100)).toBe(5);
    expect(countTokens(`{ ${"a ".repeat(1_000_000)} }`, 16)).toBe(16);
    expect(check(`{ enterprise { name } }`, { ...DEFAULT_OPERATION_LIMITS, tokens: 4 })).toMatchObject({ name: "tokens", max: 4, actual: 5 });
  });

  it("reads each limit from its variable and --limit flags, refusing what is not a positive integer in one line", () => {
    expect(parseLimits({ ECOFED_MAX_DEPTH: "20", ECOFED_MAX_ROOT_FIELDS: "5", ECOFED_DEFAULT_LIST_SIZE: "3" }, ["cost=7"])).toMatchObject({ depth: 20, rootFields: 5, defaultListSize: 3, cost: 7, aliases: DEFAULT_OPERATION_LIMITS.aliases });
    expect(() => parseLimits({ ECOFED_MAX_DEPTH: "0" })).toThrow(/ECOFED_MAX_DEPTH must be a positive integer, got "0"/);
    expect(() => parseLimits({ ECOFED_MAX_COST: "1e9" })).toThrow(/positive integer/);
    expect(() => parseLimits({}, ["width=3"])).toThrow(/--limit takes name=value with a name among depth, aliases/);
  });
});
