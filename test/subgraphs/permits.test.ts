import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoEnterprises } from "../../demo/enterprises.js";
import { makeCreditCode } from "../../domain/credit-code.js";
import { demoPermits } from "../../subgraphs/permits/demo-permits.js";
import { permits } from "../../subgraphs/permits/index.js";
import { errorCodes, postGraphQL } from "../helpers/graphql-client.js";
import { startUnit, type UnitUnderTest } from "../helpers/unit-server.js";

let unit: UnitUnderTest;
beforeAll(async () => {
  unit = await startUnit(permits);
});
afterAll(() => unit?.stop());

const PERMIT_FIELDS = "permitNumber category issuedOn validUntil issuingAuthority pollutants status enterprise { creditCode }";
const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) {
  ... on Enterprise { creditCode permit { ${PERMIT_FIELDS} } }
  ... on DischargePermit { ${PERMIT_FIELDS} }
} }`;

interface PermitJson {
  permitNumber: string;
  category: string;
  issuedOn: string;
  validUntil: string;
  issuingAuthority: string;
  pollutants: string[];
  status: string;
  enterprise: { creditCode: string };
}

function selects(): string[] {
  return unit.statements.filter((s) => s.trimStart().startsWith("SELECT"));
}

async function allPermits(): Promise<PermitJson[]> {
  const out: PermitJson[] = [];
  let after: string | null = null;
  for (;;) {
    const res = await postGraphQL(
      unit.running.url,
      `query ($after: String) { permits(first: 500, after: $after) { nodes { ${PERMIT_FIELDS} } pageInfo { endCursor hasNextPage } } }`,
      { after },
    );
    expect(res.body.errors).toBeUndefined();
    const page = res.body.data!["permits"] as { nodes: PermitJson[]; pageInfo: { endCursor: string; hasNextPage: boolean } };
    out.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return out;
    after = page.pageInfo.endCursor;
  }
}

describe("permits subgraph", () => {
  it("resolves N enterprise and N permit representations with one SQL query per loader", async () => {
    const codes = demoEnterprises().slice(0, 40).map((e) => e.creditCode);
    const numbers = demoPermits().slice(100, 140).map((p) => p.permitNumber);
    unit.resetStatements();
    const res = await postGraphQL(unit.running.url, ENTITIES, {
      r: [
        ...codes.map((creditCode) => ({ __typename: "Enterprise", creditCode })),
        ...numbers.map((permitNumber) => ({ __typename: "DischargePermit", permitNumber })),
      ],
    });
    expect(res.body.errors).toBeUndefined();
    const entities = res.body.data!["_entities"] as ({ creditCode: string; permit: PermitJson | null } & Partial<PermitJson>)[];
    const held = new Map(demoPermits().map((p) => [p.creditCode, p.permitNumber]));
    expect(entities.slice(0, 40).map((e) => e.creditCode)).toEqual(codes);
    expect(entities.slice(0, 40).map((e) => e.permit?.permitNumber ?? null)).toEqual(codes.map((c) => held.get(c) ?? null));
    expect(entities.slice(40).map((e) => e.permitNumber)).toEqual(numbers);
    // One for the enterprises' permits, one for the permits by number: not 40 + 40.
    expect(selects()).toHaveLength(2);
  });

  it("batches enterprise representations alone into one query", async () => {
    const codes = demoEnterprises().slice(1000, 1035).map((e) => e.creditCode);
    unit.resetStatements();
    const res = await postGraphQL(unit.running.url, ENTITIES, {
      r: codes.map((creditCode) => ({ __typename: "Enterprise", creditCode })),
    });
    expect(res.body.errors).toBeUndefined();
    expect(selects()).toHaveLength(1);
  });

  it("answers a permit by number, and null for a well-formed number nobody holds", async () => {
    const known = demoPermits()[7]!;
    const query = `query ($n: ID!) { permit(permitNumber: $n) { permitNumber status enterprise { creditCode } } }`;
    const found = await postGraphQL(unit.running.url, query, { n: known.permitNumber });
    expect(found.body).toEqual({
      data: { permit: { permitNumber: known.permitNumber, status: known.status, enterprise: { creditCode: known.creditCode } } },
    });
    const unknown = `${makeCreditCode("110101", "00000001")}001P`;
    const missing = await postGraphQL(unit.running.url, query, { n: unknown });
    expect(missing.body).toEqual({ data: { permit: null } });
  });

  it.each([
    ["too short", "91320506MA1X2Y3Z4A"],
    ["no P", `${demoEnterprises()[0]!.creditCode}001X`],
    ["a bad credit code", `${demoEnterprises()[0]!.creditCode.slice(0, 17)}${demoEnterprises()[0]!.creditCode[17] === "0" ? "1" : "0"}001P`],
  ])("rejects a permit number with %s, naming the argument", async (_what, number) => {
    const res = await postGraphQL(unit.running.url, `query ($n: ID!) { permit(permitNumber: $n) { status } }`, { n: number });
    expect(errorCodes(res.body)).toEqual([["BAD_USER_INPUT", "permit"]]);
    expect(res.body.errors![0]!.extensions!["argument"]).toBe("permitNumber");
  });

  it("pages through one province's permits with stable cursors", async () => {
    const expected = demoPermits()
      .filter((p) => p.divisionCode === "320000")
      .map((p) => p.permitNumber)
      .sort();
    const first = await postGraphQL(
      unit.running.url,
      `{ permits(divisionCode: "320000", first: 3) { totalCount nodes { permitNumber } pageInfo { endCursor hasNextPage } } }`,
    );
    const page = first.body.data!["permits"] as {
      totalCount: number;
      nodes: { permitNumber: string }[];
      pageInfo: { endCursor: string; hasNextPage: boolean };
    };
    expect(page.totalCount).toBe(expected.length);
    expect(page.nodes.map((n) => n.permitNumber)).toEqual(expected.slice(0, 3));
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = await postGraphQL(
      unit.running.url,
      `query ($after: String) { permits(divisionCode: "320000", first: 2, after: $after) { nodes { permitNumber } } }`,
      { after: page.pageInfo.endCursor },
    );
    const nodes = (next.body.data!["permits"] as { nodes: { permitNumber: string }[] }).nodes;
    expect(nodes.map((n) => n.permitNumber)).toEqual(expected.slice(3, 5));
  });

  it.each([
    ["first", `{ permits(first: 501) { totalCount } }`],
    ["first", `{ permits(first: -1) { totalCount } }`],
    ["after", `{ permits(after: "not-a-cursor") { totalCount } }`],
    ["divisionCode", `{ permits(divisionCode: "32") { totalCount } }`],
  ])("rejects a bad %s with BAD_USER_INPUT", async (argument, query) => {
    const res = await postGraphQL(unit.running.url, query);
    expect(errorCodes(res.body)).toEqual([["BAD_USER_INPUT", "permits"]]);
    expect(res.body.errors![0]!.extensions!["argument"]).toBe(argument);
  });

  it("holds a five-year permit for about 85% of the demo enterprises", async () => {
    const all = await allPermits();
    const enterprises = new Map(demoEnterprises().map((e) => [e.creditCode, e]));
    const share = all.length / enterprises.size;
    expect(share).toBeGreaterThan(0.82);
    expect(share).toBeLessThan(0.88);
    const statuses = new Map<string, number>();
    for (const p of all) {
      const e = enterprises.get(p.enterprise.creditCode)!;
      expect(e).toBeDefined();
      expect(p.permitNumber).toBe(`${e.creditCode}001P`);
      expect(["重点管理", "简化管理", "登记管理"]).toContain(p.category);
      // 排污许可管理条例 第十四条: five years, through the day before the anniversary.
      const [y, m, d] = p.issuedOn.split("-").map(Number) as [number, number, number];
      expect(p.validUntil).toBe(new Date(Date.UTC(y + 5, m - 1, d) - 86_400_000).toISOString().slice(0, 10));
      expect(p.issuedOn >= e.registeredOn).toBe(true);
      expect(p.issuedOn <= "2026-10-31").toBe(true);
      if (p.status !== "已注销") expect(p.status).toBe(p.validUntil < "2026-10-31" ? "已过期" : "有效");
      statuses.set(p.status, (statuses.get(p.status) ?? 0) + 1);
      expect(p.issuingAuthority).toMatch(/^(.+市生态环境局|.+(省|自治区)生态环境厅)$/);
      expect(p.issuingAuthority.startsWith(e.province.name) || p.issuingAuthority.endsWith("市生态环境局")).toBe(true);
      // Pollutants follow the media the enterprise discharges into.
      expect(p.pollutants.includes("二氧化硫")).toBe(e.media.includes("air"));
      expect(p.pollutants.includes("化学需氧量")).toBe(e.media.includes("water"));
    }
    expect(statuses.get("有效")! / all.length).toBeGreaterThan(0.85);
    expect(statuses.get("已过期")).toBeGreaterThan(0);
    expect(statuses.get("已注销")).toBeGreaterThan(0);
    // Key-managed permits dominate, as in the national register.
    expect(all.filter((p) => p.category === "重点管理").length / all.length).toBeGreaterThan(0.5);
  });
});
