import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY_MS, DEMO_END, HOUR_MS, shanghaiDateTime } from "../../demo/calendar.js";
import { DEMO_PROVINCES } from "../../demo/provinces.js";
import { unitStoreFile } from "../../subgraphs/_kit/serve-unit.js";
import { DEMO_NUCLEAR_FACILITIES } from "../../subgraphs/nuclear/facilities.js";
import { nuclear } from "../../subgraphs/nuclear/index.js";
import { errorCodes, postGraphQL } from "../helpers/graphql-client.js";
import { startUnit, type UnitUnderTest } from "../helpers/unit-server.js";

let unit: UnitUnderTest;
let db: Database.Database;
beforeAll(async () => {
  unit = await startUnit(nuclear);
  db = new Database(unitStoreFile(unit.dataDir, nuclear.code), { readonly: true });
});
afterAll(async () => {
  db?.close();
  await unit?.stop();
});

const selects = (): string[] => unit.statements.filter((s) => s.trimStart().startsWith("SELECT"));

interface Facility {
  id: string;
  name: string;
  kind: string;
  operator: string;
  status: string;
  units: number;
  physicalProtectionPlan: string;
  division: { code: string };
}
const FACILITY_FIELDS = "id name kind operator status units physicalProtectionPlan division { code }";

describe("nuclear subgraph: batching", () => {
  it("resolves every facility representation and its readings with one SELECT per loader", async () => {
    const ids = DEMO_NUCLEAR_FACILITIES.map((f) => f.id);
    expect(ids.length).toBeGreaterThanOrEqual(30);
    unit.resetStatements();
    const res = await postGraphQL(
      unit.running.url,
      `query ($r: [_Any!]!) { _entities(representations: $r) {
         ... on NuclearFacility { ${FACILITY_FIELDS} readings(last: 3) { at doseRateNanoGray } } } }`,
      { r: ids.map((id) => ({ __typename: "NuclearFacility", id })) },
    );
    expect(res.body.errors).toBeUndefined();
    const facilities = res.body.data!["_entities"] as (Facility & { readings: { at: string }[] })[];
    expect(facilities.map((f) => f.id)).toEqual(ids);
    for (const f of facilities) {
      expect(f.readings.map((r) => r.at)).toEqual([0, 1, 2].map((k) => shanghaiDateTime(DEMO_END - k * HOUR_MS)));
    }
    // One for the facilities, one for all their readings: not 52 + 52.
    expect(selects()).toHaveLength(2);
  });

  it("runs one readings statement per distinct argument set", async () => {
    const ids = DEMO_NUCLEAR_FACILITIES.slice(0, 40).map((f) => f.id);
    unit.resetStatements();
    const res = await postGraphQL(
      unit.running.url,
      `query ($r: [_Any!]!, $from: DateTime) { _entities(representations: $r) {
         ... on NuclearFacility { a: readings(last: 1) { at } b: readings(from: $from, last: 100) { at } } } }`,
      { r: ids.map((id) => ({ __typename: "NuclearFacility", id })), from: shanghaiDateTime(DEMO_END - DAY_MS) },
    );
    expect(res.body.errors).toBeUndefined();
    const rows = res.body.data!["_entities"] as { a: unknown[]; b: unknown[] }[];
    expect(rows.every((r) => r.a.length === 1 && r.b.length === 25)).toBe(true);
    // The facilities, then one statement per readings window.
    expect(selects()).toHaveLength(3);
  });

  it("answers null for an unknown facility representation", async () => {
    const res = await postGraphQL(unit.running.url, `query ($r: [_Any!]!) { _entities(representations: $r) { ... on NuclearFacility { id } } }`, {
      r: [{ __typename: "NuclearFacility", id: "NF999" }],
    });
    expect(res.body).toEqual({ data: { _entities: [null] } });
  });
});

describe("nuclear subgraph: root fields and arguments", () => {
  it("lists the facilities by id", async () => {
    const res = await postGraphQL(unit.running.url, `{ nuclearFacilities { ${FACILITY_FIELDS} } }`);
    const facilities = res.body.data!["nuclearFacilities"] as Facility[];
    expect(facilities.map((f) => f.id)).toEqual(DEMO_NUCLEAR_FACILITIES.map((f) => f.id));
  });

  it("finds a facility by id, and answers null for an unknown one", async () => {
    const res = await postGraphQL(unit.running.url, `{ nuclearFacility(id: "NF009") { ${FACILITY_FIELDS} } }`);
    const tianwan = res.body.data!["nuclearFacility"] as Facility;
    expect(tianwan).toMatchObject({ name: "田湾核电厂", kind: "核电厂", status: "运行", units: 6, division: { code: "320000" } });
    expect(tianwan.physicalProtectionPlan).toContain("周界入侵探测");
    const unknown = await postGraphQL(unit.running.url, `{ nuclearFacility(id: "nope") { id } }`);
    expect(unknown.body).toEqual({ data: { nuclearFacility: null } });
  });

  it("returns the newest 24 readings by default, and filters to [from, to]", async () => {
    const from = shanghaiDateTime(DEMO_END - 20 * DAY_MS);
    const to = shanghaiDateTime(DEMO_END - 20 * DAY_MS + 6 * HOUR_MS);
    const res = await postGraphQL(
      unit.running.url,
      `query ($from: DateTime, $to: DateTime) { nuclearFacility(id: "NF001") {
         latest: readings { at } window: readings(from: $from, to: $to) { at } } }`,
      { from, to },
    );
    const f = res.body.data!["nuclearFacility"] as { latest: { at: string }[]; window: { at: string }[] };
    expect(f.latest.map((r) => r.at)).toEqual(Array.from({ length: 24 }, (_, k) => shanghaiDateTime(DEMO_END - k * HOUR_MS)));
    expect(f.window.map((r) => r.at)).toEqual(
      Array.from({ length: 7 }, (_, k) => shanghaiDateTime(DEMO_END - 20 * DAY_MS + (6 - k) * HOUR_MS)),
    );
  });

  it.each([
    ["last", `{ nuclearFacility(id: "NF001") { readings(last: 501) { at } } }`],
    ["last", `{ nuclearFacility(id: "NF001") { readings(last: -5) { at } } }`],
    ["from", `{ nuclearFacility(id: "NF001") { readings(from: "2026-10-20T00:00:00Z", to: "2026-10-19T00:00:00Z") { at } } }`],
    ["to", `{ nuclearFacility(id: "NF001") { readings(to: "2026-10-19T00:00:00") { at } } }`],
  ])("rejects a bad readings %s with BAD_USER_INPUT", async (argument, query) => {
    const res = await postGraphQL(unit.running.url, query);
    expect(errorCodes(res.body)).toEqual([["BAD_USER_INPUT", "nuclearFacility.readings"]]);
    expect(res.body.errors![0]!.extensions!["argument"]).toBe(argument);
  });

  it("marks the physical protection plan NOT_SHARED, with its legal basis", async () => {
    const res = await postGraphQL(unit.running.url, `{ _service { sdl } }`);
    const sdl = (res.body.data!["_service"] as { sdl: string }).sdl;
    expect(sdl).toMatch(/physicalProtectionPlan: String @share\(class: NOT_SHARED, basis: "《中华人民共和国核安全法》第十二条/);
    expect(sdl).toMatch(/nuclearFacilities: \[NuclearFacility!\]! @share\(class: UNCONDITIONAL\)/);
  });
});

describe("nuclear subgraph: demo data", () => {
  const COASTAL = ["210000", "320000", "330000", "350000", "370000", "440000", "450000", "460000"];

  it("has about 50 facilities of all four kinds, power plants on the coast", () => {
    const rows = db
      .prepare("SELECT id, name, kind, operator, division_code AS code, status, units, physical_protection_plan AS plan FROM nuclear_facilities")
      .all() as { id: string; name: string; kind: string; operator: string; code: string; status: string; units: number; plan: string }[];
    expect(rows.length).toBeGreaterThanOrEqual(45);
    expect(rows.length).toBeLessThanOrEqual(60);
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(["核电厂", "研究堆", "核燃料循环设施", "放射性废物处置场"]));
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(["运行", "在建", "退役"]));
    expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
    const provinces = new Set(DEMO_PROVINCES.map((p) => p.code));
    for (const r of rows) {
      expect(provinces.has(r.code)).toBe(true);
      expect(r.units).toBeGreaterThanOrEqual(1);
      expect(r.units).toBeLessThanOrEqual(6);
      expect(r.operator.length).toBeGreaterThan(3);
      expect(r.plan).toMatch(/屏障|设防/);
      if (r.kind === "核电厂") {
        expect(COASTAL).toContain(r.code);
        expect(r.name).toMatch(/核电厂|核电站|示范工程/);
      }
    }
  });

  it("has 30+ days of hourly dose rates per facility, ending at DEMO_END", () => {
    const spans = db
      .prepare("SELECT facility_id, count(*) AS n, min(at) AS first, max(at) AS last FROM radiation_readings GROUP BY facility_id")
      .all() as { n: number; first: number; last: number }[];
    expect(spans.length).toBe(DEMO_NUCLEAR_FACILITIES.length);
    for (const s of spans) {
      expect(s.last).toBe(DEMO_END);
      expect(s.last - s.first).toBeGreaterThanOrEqual(30 * DAY_MS);
      expect(s.n).toBe((s.last - s.first) / HOUR_MS + 1);
    }
  });

  it("keeps dose rates at natural background, with short rain-washout spikes", () => {
    const rows = db.prepare("SELECT facility_id AS id, dose_rate AS d FROM radiation_readings ORDER BY facility_id, at").all() as {
      id: string;
      d: number;
    }[];
    const byFacility = new Map<string, number[]>();
    for (const r of rows) {
      const list = byFacility.get(r.id);
      if (list) list.push(r.d);
      else byFacility.set(r.id, [r.d]);
    }
    let withSpikes = 0;
    for (const values of byFacility.values()) {
      const sorted = [...values].sort((a, b) => a - b);
      const median = sorted[sorted.length >> 1]!;
      expect(median).toBeGreaterThanOrEqual(50);
      expect(median).toBeLessThanOrEqual(180);
      expect(sorted[0]!).toBeGreaterThan(40);
      // Washout adds tens of nGy/h, never an order of magnitude.
      expect(sorted[sorted.length - 1]!).toBeLessThan(median + 60);
      const raised = values.filter((v) => v > median + 8).length;
      // Spikes are rare: a few hours per shower.
      expect(raised / values.length).toBeLessThan(0.15);
      if (raised > 0 && sorted[sorted.length - 1]! > median + 15) withSpikes++;
    }
    expect(withSpikes).toBeGreaterThanOrEqual(byFacility.size * 0.8);
  });
});
