import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoEnterprises } from "../../demo/enterprises.js";
import { demoInspections } from "../../subgraphs/enforcement/demo-inspections.js";
import { demoPenalties } from "../../subgraphs/enforcement/demo-penalties.js";
import { enforcement } from "../../subgraphs/enforcement/index.js";
import { encodeCursor } from "../../subgraphs/_kit/pagination.js";
import { errorCodes, postGraphQL } from "../helpers/graphql-client.js";
import { startUnit, type UnitUnderTest } from "../helpers/unit-server.js";

let unit: UnitUnderTest;
beforeAll(async () => {
  unit = await startUnit(enforcement);
});
afterAll(() => unit?.stop());

const PENALTY_FIELDS = "id decisionNumber decidedOn violation legalBasis amountYuan status";
const INSPECTION_FIELDS = "id date kind result inspector informant";
const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) {
  ... on Enterprise { creditCode penalties { ${PENALTY_FIELDS} } inspections { ${INSPECTION_FIELDS} } }
  ... on Inspection { ${INSPECTION_FIELDS} }
} }`;

interface PenaltyJson {
  id: string;
  decisionNumber: string;
  decidedOn: string;
  violation: string;
  legalBasis: string;
  amountYuan: number;
  status: string;
}
interface InspectionJson {
  id: string;
  date: string;
  kind: string;
  result: string;
  inspector: string;
  informant: string | null;
}
interface EnterpriseJson {
  creditCode: string;
  penalties: PenaltyJson[];
  inspections: InspectionJson[];
}

function selects(): string[] {
  return unit.statements.filter((s) => s.trimStart().startsWith("SELECT"));
}

async function penaltiesPage(args: string, variables: Record<string, unknown> = {}) {
  const res = await postGraphQL(
    unit.running.url,
    `query ($after: String) { penalties(${args}, after: $after) { totalCount nodes { ${PENALTY_FIELDS} } pageInfo { endCursor hasNextPage } } }`,
    variables,
  );
  return res;
}

describe("enforcement subgraph", () => {
  it("resolves N enterprise and N inspection representations with one SQL query per loader", async () => {
    // A mix of penalised, inspected and untouched enterprises.
    const codes = demoEnterprises().slice(0, 40).map((e) => e.creditCode);
    const ids = demoInspections().slice(500, 540).map((i) => i.id);
    unit.resetStatements();
    const res = await postGraphQL(unit.running.url, ENTITIES, {
      r: [
        ...codes.map((creditCode) => ({ __typename: "Enterprise", creditCode })),
        ...ids.map((id) => ({ __typename: "Inspection", id })),
      ],
    });
    expect(res.body.errors).toBeUndefined();
    const entities = res.body.data!["_entities"] as (EnterpriseJson & InspectionJson)[];
    expect(entities.slice(0, 40).map((e) => e.creditCode)).toEqual(codes);
    const penalties = demoPenalties();
    const inspections = demoInspections();
    const penaltyCount = (code: string) => penalties.filter((p) => p.creditCode === code).length;
    const inspectionCount = (code: string) => inspections.filter((i) => i.creditCode === code).length;
    expect(entities.slice(0, 40).map((e) => e.penalties.length)).toEqual(codes.map(penaltyCount));
    expect(entities.slice(0, 40).map((e) => e.inspections.length)).toEqual(codes.map(inspectionCount));
    expect(entities.slice(0, 40).some((e) => e.penalties.length > 0 && e.inspections.length > 0)).toBe(true);
    expect(entities.slice(40).map((e) => e.id)).toEqual(ids);
    // Penalties by enterprise, inspections by enterprise, inspections by id: not 40 + 40 + 40.
    expect(selects()).toHaveLength(3);
  });

  it("batches enterprise representations alone into one query per list", async () => {
    const codes = demoEnterprises().slice(2000, 2035).map((e) => e.creditCode);
    unit.resetStatements();
    const res = await postGraphQL(unit.running.url, ENTITIES, {
      r: codes.map((creditCode) => ({ __typename: "Enterprise", creditCode })),
    });
    expect(res.body.errors).toBeUndefined();
    expect(selects()).toHaveLength(2);
  });

  it("answers an inspection by id, and null for a well-formed id that does not exist", async () => {
    const known = demoInspections().find((i) => i.kind === "信访举报核查")!;
    const query = `query ($id: ID!) { inspection(id: $id) { ${INSPECTION_FIELDS} } }`;
    const found = await postGraphQL(unit.running.url, query, { id: known.id });
    expect(found.body).toEqual({
      data: {
        inspection: {
          id: known.id, date: known.date, kind: known.kind, result: known.result,
          inspector: known.inspector, informant: known.informant,
        },
      },
    });
    const missing = await postGraphQL(unit.running.url, query, { id: "JC2019000001" });
    expect(missing.body).toEqual({ data: { inspection: null } });
  });

  it.each([["x"], ["JC2025"], ["CF2025000001"], ["jc2025000001"]])("rejects the inspection id %s, naming the argument", async (id) => {
    const res = await postGraphQL(unit.running.url, `query ($id: ID!) { inspection(id: $id) { kind } }`, { id });
    expect(errorCodes(res.body)).toEqual([["BAD_USER_INPUT", "inspection"]]);
    expect(res.body.errors![0]!.extensions!["argument"]).toBe("id");
  });

  it("pages through all penalties newest first, without gaps or repeats", async () => {
    const seen: PenaltyJson[] = [];
    let after: string | null = null;
    let totalCount = 0;
    for (;;) {
      const res = await penaltiesPage("first: 500", { after });
      expect(res.body.errors).toBeUndefined();
      const page = res.body.data!["penalties"] as {
        totalCount: number;
        nodes: PenaltyJson[];
        pageInfo: { endCursor: string; hasNextPage: boolean };
      };
      totalCount = page.totalCount;
      seen.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(totalCount).toBe(demoPenalties().length);
    expect(seen.map((p) => p.id).sort()).toEqual(demoPenalties().map((p) => p.id).sort());
    const keys = seen.map((p) => `${p.decidedOn}/${p.id}`);
    expect(keys).toEqual([...keys].sort().reverse());
  });

  it("filters penalties by province and by an inclusive day range", async () => {
    const expected = demoPenalties()
      .filter((p) => p.divisionCode === "320000" && p.decidedOn >= "2025-01-01" && p.decidedOn <= "2025-12-31")
      .sort((a, b) => (a.decidedOn === b.decidedOn ? (a.id < b.id ? 1 : -1) : a.decidedOn < b.decidedOn ? 1 : -1));
    const first = await penaltiesPage(`divisionCode: "320000", from: "2025-01-01", to: "2025-12-31", first: 4`);
    const page = first.body.data!["penalties"] as {
      totalCount: number;
      nodes: PenaltyJson[];
      pageInfo: { endCursor: string; hasNextPage: boolean };
    };
    expect(page.totalCount).toBe(expected.length);
    expect(page.nodes.map((n) => n.id)).toEqual(expected.slice(0, 4).map((p) => p.id));
    expect(page.nodes.every((n) => n.decisionNumber.startsWith("苏环罚〔2025〕"))).toBe(true);
    const next = await penaltiesPage(`divisionCode: "320000", from: "2025-01-01", to: "2025-12-31", first: 3`, {
      after: page.pageInfo.endCursor,
    });
    const nodes = (next.body.data!["penalties"] as { nodes: PenaltyJson[] }).nodes;
    expect(nodes.map((n) => n.id)).toEqual(expected.slice(4, 7).map((p) => p.id));
    const oneDay = demoPenalties()[10]!.decidedOn;
    const day = await penaltiesPage(`from: "${oneDay}", to: "${oneDay}", first: 500`);
    const dayNodes = (day.body.data!["penalties"] as { nodes: PenaltyJson[] }).nodes;
    expect(dayNodes.length).toBe(demoPenalties().filter((p) => p.decidedOn === oneDay).length);
    expect(dayNodes.every((n) => n.decidedOn === oneDay)).toBe(true);
  });

  it.each([
    ["first", `first: 501`],
    ["first", `first: -1`],
    ["after", `after: "not-a-cursor"`],
    ["after", `after: "${encodeCursor("2025-01-01/JC2025000001")}"`],
    ["divisionCode", `divisionCode: "32"`],
    ["from", `from: "2026-03-01", to: "2026-02-01"`],
  ])("rejects a bad %s with BAD_USER_INPUT", async (argument, args) => {
    const res = await postGraphQL(unit.running.url, `{ penalties(${args}) { totalCount } }`);
    expect(errorCodes(res.body)).toEqual([["BAD_USER_INPUT", "penalties"]]);
    expect(res.body.errors![0]!.extensions!["argument"]).toBe(argument);
  });

  it("holds 1–3 penalties per penalised and 1–4 inspections per inspected enterprise, of realistic shape", async () => {
    const enterprises = demoEnterprises();
    const res = await postGraphQL(unit.running.url, ENTITIES, {
      r: enterprises.map((e) => ({ __typename: "Enterprise", creditCode: e.creditCode })),
    });
    expect(res.body.errors).toBeUndefined();
    const rows = res.body.data!["_entities"] as EnterpriseJson[];
    let inspected = 0;
    const kinds = new Set<string>();
    const statuses = new Set<string>();
    rows.forEach((row, i) => {
      const e = enterprises[i]!;
      expect(row.creditCode).toBe(e.creditCode);
      if (e.penalised) {
        expect(row.penalties.length).toBeGreaterThanOrEqual(1);
        expect(row.penalties.length).toBeLessThanOrEqual(3);
      } else expect(row.penalties).toEqual([]);
      if (e.inspected) {
        inspected++;
        expect(row.inspections.length).toBeGreaterThanOrEqual(1);
        expect(row.inspections.length).toBeLessThanOrEqual(4);
      } else expect(row.inspections).toEqual([]);
      for (const p of row.penalties) {
        expect(p.id).toMatch(/^CF\d{10}$/);
        expect(p.decidedOn >= "2024-01-01" && p.decidedOn <= "2026-10-31").toBe(true);
        expect(p.decidedOn >= e.registeredOn).toBe(true);
        expect(p.decisionNumber).toMatch(new RegExp(`^${e.province.short}环罚〔${p.decidedOn.slice(0, 4)}〕[1-9]\\d*号$`));
        expect(p.amountYuan).toBeGreaterThanOrEqual(10_000);
        expect(p.amountYuan).toBeLessThanOrEqual(1_000_000);
        expect(p.amountYuan % 100).toBe(0);
        expect(p.legalBasis).toMatch(/^《.+》第.+条$/);
        // A penalty can only still be under review within ~150 days of its decision.
        if (p.status === "行政复议中") expect(p.decidedOn >= "2026-06-01").toBe(true);
        statuses.add(p.status);
        if (p.violation.includes("大气") || p.violation.includes("挥发性有机物")) expect(e.media).toContain("air");
        if (p.violation.includes("水污染")) expect(e.media).toContain("water");
      }
      for (const x of row.inspections) {
        expect(x.id).toMatch(/^JC\d{10}$/);
        expect(x.date >= "2024-01-01" && x.date <= "2026-10-31").toBe(true);
        expect(["未发现问题", "责令改正", "立案查处"]).toContain(x.result);
        expect(x.inspector).toMatch(/^[\u4e00-\u9fa5]{2,3}、[\u4e00-\u9fa5]{2,3}$/);
        // Only a complaint has a whistle-blower to protect.
        expect(x.informant !== null).toBe(x.kind === "信访举报核查");
        kinds.add(x.kind);
      }
    });
    expect(inspected / enterprises.length).toBeGreaterThan(0.3);
    expect(inspected / enterprises.length).toBeLessThan(0.4);
    expect([...kinds].sort()).toEqual(["专项检查", "信访举报核查", "双随机抽查", "日常巡查"]);
    expect([...statuses].sort()).toEqual(["已执行", "执行中", "行政复议中"].sort());
    // Decision numbers are unique: a series per province and year.
    const numbers = rows.flatMap((r) => r.penalties.map((p) => p.decisionNumber));
    expect(new Set(numbers).size).toBe(numbers.length);
  });
});
