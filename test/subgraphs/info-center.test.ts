import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoEnterprises } from "../../demo/enterprises.js";
import { makeCreditCode } from "../../domain/credit-code.js";
import { infoCenter } from "../../subgraphs/info-center/index.js";
import { errorCodes, postGraphQL } from "../helpers/graphql-client.js";
import { startUnit, type UnitUnderTest } from "../helpers/unit-server.js";

let unit: UnitUnderTest;
beforeAll(async () => {
  unit = await startUnit(infoCenter);
});
afterAll(() => unit?.stop());

const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { creditCode name division { code name } } } }`;

describe("info-center subgraph", () => {
  it("resolves N enterprise representations with one SQL query per loader", async () => {
    const codes = demoEnterprises().slice(0, 40).map((e) => e.creditCode);
    unit.resetStatements();
    const res = await postGraphQL(unit.running.url, ENTITIES, {
      r: codes.map((creditCode) => ({ __typename: "Enterprise", creditCode })),
    });
    expect(res.body.errors).toBeUndefined();
    const entities = res.body.data!["_entities"] as { creditCode: string; division: { code: string } }[];
    expect(entities.map((e) => e.creditCode)).toEqual(codes);
    expect(entities.every((e) => /^\d{6}$/.test(e.division.code))).toBe(true);
    // One for the enterprises, one for their divisions: not 40 + 40.
    const selects = unit.statements.filter((s) => s.trimStart().startsWith("SELECT"));
    expect(selects).toHaveLength(2);
  });

  it("answers null, not an error, for a valid credit code nobody registered", async () => {
    const unknown = makeCreditCode("110101", "00000001");
    expect(demoEnterprises().some((e) => e.creditCode === unknown)).toBe(false);
    const res = await postGraphQL(unit.running.url, `query ($c: ID!) { enterprise(creditCode: $c) { name } }`, { c: unknown });
    expect(res.body).toEqual({ data: { enterprise: null } });
  });

  it("rejects a credit code whose check character is wrong", async () => {
    const valid = demoEnterprises()[0]!.creditCode;
    const broken = valid.slice(0, 17) + (valid[17] === "0" ? "1" : "0");
    const res = await postGraphQL(unit.running.url, `query ($c: ID!) { enterprise(creditCode: $c) { name } }`, { c: broken });
    expect(errorCodes(res.body)).toEqual([["BAD_USER_INPUT", "enterprise"]]);
  });

  it("rejects a credit code of the wrong shape, naming the argument", async () => {
    const res = await postGraphQL(unit.running.url, `{ enterprise(creditCode: "abc") { name } }`);
    expect(errorCodes(res.body)).toEqual([["BAD_USER_INPUT", "enterprise"]]);
    expect(res.body.errors![0]!.extensions!["argument"]).toBe("creditCode");
  });

  it("pages through enterprises with stable cursors", async () => {
    const first = await postGraphQL(
      unit.running.url,
      `{ enterprises(divisionCode: "320000", first: 3) { totalCount nodes { creditCode } pageInfo { endCursor hasNextPage } } }`,
    );
    const page = first.body.data!["enterprises"] as {
      totalCount: number;
      nodes: { creditCode: string }[];
      pageInfo: { endCursor: string; hasNextPage: boolean };
    };
    const expected = demoEnterprises().filter((e) => e.province.code === "320000");
    expect(page.totalCount).toBe(expected.length);
    expect(page.nodes.map((n) => n.creditCode)).toEqual(expected.slice(0, 3).map((e) => e.creditCode));
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = await postGraphQL(
      unit.running.url,
      `query ($after: String) { enterprises(divisionCode: "320000", first: 2, after: $after) { nodes { creditCode } } }`,
      { after: page.pageInfo.endCursor },
    );
    const nodes = (next.body.data!["enterprises"] as { nodes: { creditCode: string }[] }).nodes;
    expect(nodes.map((n) => n.creditCode)).toEqual(expected.slice(3, 5).map((e) => e.creditCode));
  });

  it.each([
    ["first", `{ enterprises(first: 501) { totalCount } }`],
    ["first", `{ enterprises(first: -1) { totalCount } }`],
    ["after", `{ enterprises(after: "not-a-cursor") { totalCount } }`],
    ["divisionCode", `{ enterprises(divisionCode: "32") { totalCount } }`],
  ])("rejects a bad %s with BAD_USER_INPUT", async (argument, query) => {
    const res = await postGraphQL(unit.running.url, query);
    expect(errorCodes(res.body)).toEqual([["BAD_USER_INPUT", "enterprises"]]);
    expect(res.body.errors![0]!.extensions!["argument"]).toBe(argument);
  });

  it("lists the 31 province-level divisions", async () => {
    const res = await postGraphQL(unit.running.url, `{ divisions { code name level } }`);
    const divisions = res.body.data!["divisions"] as { code: string; level: number }[];
    expect(divisions).toHaveLength(31);
    expect(divisions[0]).toEqual({ code: "110000", name: "北京市", level: 1 });
  });
});
