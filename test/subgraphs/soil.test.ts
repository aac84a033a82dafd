import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoEnterprises } from "../../demo/enterprises.js";
import { DEMO_PROVINCES } from "../../demo/provinces.js";
import { demoSites, ORPHAN_SITE_COUNT, SITE_STATUSES } from "../../subgraphs/soil/demo-sites.js";
import { soil } from "../../subgraphs/soil/index.js";
import { errorCodes, postGraphQL } from "../helpers/graphql-client.js";
import { startUnit, type UnitUnderTest } from "../helpers/unit-server.js";

let unit: UnitUnderTest;
beforeAll(async () => {
  unit = await startUnit(soil);
});
afterAll(() => unit?.stop());

const selects = (): string[] => unit.statements.filter((s) => s.trimStart().startsWith("SELECT"));

interface Site {
  id: string;
  name: string;
  landUse: string;
  riskLevel: string;
  pollutants: string[];
  areaSquareMetres: number;
  status: string;
  listedOn: string;
  division: { code: string };
  enterprise: { creditCode: string } | null;
}

const SITE_FIELDS = "id name landUse riskLevel pollutants areaSquareMetres status listedOn division { code } enterprise { creditCode }";

describe("soil subgraph: batching", () => {
  it("resolves N enterprise representations' sites with one SQL query", async () => {
    const responsible = demoEnterprises().filter((e) => e.soilSite).slice(0, 40);
    const others = demoEnterprises().filter((e) => !e.soilSite).slice(0, 5);
    const codes = [...responsible, ...others].map((e) => e.creditCode);
    unit.resetStatements();
    const res = await postGraphQL(
      unit.running.url,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { creditCode contaminatedSites { ${SITE_FIELDS} } } } }`,
      { r: codes.map((creditCode) => ({ __typename: "Enterprise", creditCode })) },
    );
    expect(res.body.errors).toBeUndefined();
    const entities = res.body.data!["_entities"] as { creditCode: string; contaminatedSites: Site[] }[];
    expect(entities.map((e) => e.creditCode)).toEqual(codes);
    entities.forEach((e, i) => {
      if (i >= responsible.length) {
        expect(e.contaminatedSites).toEqual([]);
        return;
      }
      expect(e.contaminatedSites.length).toBeGreaterThanOrEqual(1);
      expect(e.contaminatedSites.length).toBeLessThanOrEqual(2);
      for (const site of e.contaminatedSites) {
        expect(site.enterprise).toEqual({ creditCode: e.creditCode });
        expect(site.division.code).toBe(responsible[i]!.province.code);
        expect(site.name.startsWith(responsible[i]!.name)).toBe(true);
      }
    });
    expect(selects()).toHaveLength(1);
  });

  it("resolves N site representations with one SQL query, null for an unknown id", async () => {
    const ids = demoSites().filter((_, i) => i % 13 === 0).slice(0, 40).map((s) => s.id);
    expect(ids).toHaveLength(40);
    unit.resetStatements();
    const res = await postGraphQL(
      unit.running.url,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on ContaminatedSite { ${SITE_FIELDS} } } }`,
      { r: [...ids, "CS990001"].map((id) => ({ __typename: "ContaminatedSite", id })) },
    );
    expect(res.body.errors).toBeUndefined();
    const entities = res.body.data!["_entities"] as (Site | null)[];
    expect(entities.slice(0, 40).map((e) => e!.id)).toEqual(ids);
    expect(entities[40]).toBeNull();
    expect(selects()).toHaveLength(1);
  });
});

describe("soil subgraph: root fields and arguments", () => {
  it("lists the sites of one province", async () => {
    const res = await postGraphQL(unit.running.url, `{ contaminatedSites(divisionCode: "320000") { id division { code } } }`);
    const sites = res.body.data!["contaminatedSites"] as Site[];
    const expected = demoSites().filter((s) => s.divisionCode === "320000").map((s) => s.id).sort();
    expect(sites.map((s) => s.id)).toEqual(expected);
    expect(sites.every((s) => s.division.code === "320000")).toBe(true);
  });

  it("answers a site by id, and null for an unknown id", async () => {
    const site = demoSites().find((s) => s.creditCode === null)!;
    const res = await postGraphQL(
      unit.running.url,
      `query ($id: ID!) { known: contaminatedSite(id: $id) { ${SITE_FIELDS} } unknown: contaminatedSite(id: "CS999999") { id } }`,
      { id: site.id },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({
      known: {
        id: site.id,
        name: site.name,
        landUse: site.landUse,
        riskLevel: site.riskLevel,
        pollutants: site.pollutants,
        areaSquareMetres: site.areaSquareMetres,
        status: site.status,
        listedOn: site.listedOn,
        division: { code: site.divisionCode },
        enterprise: null,
      },
      unknown: null,
    });
  });

  it.each([`{ contaminatedSites(divisionCode: "32") { id } }`, `{ contaminatedSites(divisionCode: "abcdef") { id } }`])(
    "rejects a malformed divisionCode: %s",
    async (query) => {
      const res = await postGraphQL(unit.running.url, query);
      expect(errorCodes(res.body)).toEqual([["BAD_USER_INPUT", "contaminatedSites"]]);
      expect(res.body.errors![0]!.extensions!["argument"]).toBe("divisionCode");
    },
  );
});

describe("soil subgraph: demo data", () => {
  let sites: Site[];
  beforeAll(async () => {
    const res = await postGraphQL(unit.running.url, `{ contaminatedSites { ${SITE_FIELDS} } }`);
    expect(res.body.errors).toBeUndefined();
    sites = res.body.data!["contaminatedSites"] as Site[];
  });

  it("has 1–2 sites per enterprise flagged soilSite plus the orphan sites, about 550 in all", () => {
    const perEnterprise = new Map<string, number>();
    for (const s of sites) if (s.enterprise) perEnterprise.set(s.enterprise.creditCode, (perEnterprise.get(s.enterprise.creditCode) ?? 0) + 1);
    const flagged = demoEnterprises().filter((e) => e.soilSite);
    expect([...perEnterprise.keys()].sort()).toEqual(flagged.map((e) => e.creditCode).sort());
    expect([...perEnterprise.values()].every((n) => n === 1 || n === 2)).toBe(true);
    expect([...perEnterprise.values()].some((n) => n === 2)).toBe(true);
    expect(sites.filter((s) => s.enterprise === null)).toHaveLength(ORPHAN_SITE_COUNT);
    expect(sites.length).toBeGreaterThan(500);
    expect(sites.length).toBeLessThan(650);
    expect(new Set(sites.map((s) => s.division.code))).toEqual(new Set(DEMO_PROVINCES.map((p) => p.code)));
    expect(new Set(sites.map((s) => s.name)).size).toBe(sites.length);
  });

  it("has plausible risk levels, stages, land uses, pollutants, areas and listing dates", () => {
    const count = (pick: (s: Site) => string): Map<string, number> => {
      const m = new Map<string, number>();
      for (const s of sites) m.set(pick(s), (m.get(pick(s)) ?? 0) + 1);
      return m;
    };
    const risk = count((s) => s.riskLevel);
    expect([...risk.keys()].sort()).toEqual(["中", "低", "高"].sort());
    for (const n of risk.values()) expect(n / sites.length).toBeGreaterThan(0.15);
    expect(new Set(count((s) => s.status).keys())).toEqual(new Set(SITE_STATUSES));
    expect([...count((s) => s.landUse).keys()]).toEqual(expect.arrayContaining(["居住用地", "工业用地"]));
    for (const s of sites) {
      expect(s.pollutants.length).toBeGreaterThanOrEqual(1);
      expect(s.pollutants.length).toBeLessThanOrEqual(4);
      expect(new Set(s.pollutants).size).toBe(s.pollutants.length);
      expect(s.areaSquareMetres).toBeGreaterThanOrEqual(1_500);
      expect(s.areaSquareMetres).toBeLessThanOrEqual(600_000);
      expect(s.listedOn >= "2019-01-01" && s.listedOn < "2026-11-01").toBe(true);
    }
    const pollutants = new Set(sites.flatMap((s) => s.pollutants));
    expect([...pollutants]).toEqual(expect.arrayContaining(["镉", "砷", "铅", "汞", "六价铬", "多环芳烃", "石油烃", "苯系物"]));
  });

  it("has sites listed longer further along the process", () => {
    const stage = (s: Site): number => SITE_STATUSES.indexOf(s.status as (typeof SITE_STATUSES)[number]);
    const early = sites.filter((s) => s.listedOn < "2021-01-01");
    const recent = sites.filter((s) => s.listedOn >= "2025-01-01");
    const meanStage = (list: Site[]): number => list.reduce((a, s) => a + stage(s), 0) / list.length;
    expect(meanStage(early)).toBeGreaterThan(meanStage(recent) + 2);
  });
});
