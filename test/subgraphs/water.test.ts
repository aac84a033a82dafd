import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_END, HOUR_MS, shanghaiDateTime } from "../../demo/calendar.js";
import { demoEnterprises } from "../../demo/enterprises.js";
import { DEMO_PROVINCES } from "../../demo/provinces.js";
import { water } from "../../subgraphs/water/index.js";
import { surfaceWaterClass } from "../../subgraphs/water/quality-class.js";
import { errorCodes, postGraphQL } from "../helpers/graphql-client.js";
import { startUnit, type UnitUnderTest } from "../helpers/unit-server.js";

let unit: UnitUnderTest;
beforeAll(async () => {
  unit = await startUnit(water);
});
afterAll(() => unit?.stop());

const selects = (): string[] => unit.statements.filter((s) => s.trimStart().startsWith("SELECT"));

interface Reading {
  at: string;
  qualityClass: string;
  ph: number;
  dissolvedOxygen: number;
  permanganateIndex: number;
  ammoniaNitrogen: number;
  totalPhosphorus: number;
  temperature: number;
}

interface Section {
  id: string;
  name: string;
  river: string;
  basin: string;
  targetClass: string;
  division: { code: string };
}

const BASINS = ["长江", "黄河", "珠江", "松花江", "淮河", "海河", "辽河", "太湖", "巢湖", "滇池", "浙闽片河流", "西北诸河", "西南诸河"];
const CLASSES = ["I", "II", "III", "IV", "V", "劣V"];

describe("water subgraph: batching", () => {
  it("resolves N enterprise representations' outfalls and their sections' readings with one SQL query per loader", async () => {
    const waterEnterprises = demoEnterprises().filter((e) => e.media.includes("water")).slice(0, 40);
    const airOnly = demoEnterprises().filter((e) => !e.media.includes("water")).slice(0, 5);
    const codes = [...waterEnterprises, ...airOnly].map((e) => e.creditCode);
    unit.resetStatements();
    const res = await postGraphQL(
      unit.running.url,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { creditCode
         outfalls { id name receivingWater dischargeMode section { id name division { code } readings(last: 2) { at qualityClass } } } } } }`,
      { r: codes.map((creditCode) => ({ __typename: "Enterprise", creditCode })) },
    );
    expect(res.body.errors).toBeUndefined();
    const entities = res.body.data!["_entities"] as {
      creditCode: string;
      outfalls: { id: string; name: string; dischargeMode: string; section: Section & { readings: Reading[] } }[];
    }[];
    expect(entities.map((e) => e.creditCode)).toEqual(codes);
    for (const [i, e] of entities.entries()) {
      if (i >= waterEnterprises.length) {
        expect(e.outfalls).toEqual([]);
        continue;
      }
      expect(e.outfalls.length).toBeGreaterThanOrEqual(1);
      expect(e.outfalls.length).toBeLessThanOrEqual(3);
      e.outfalls.forEach((o, n) => {
        expect(o.name).toMatch(new RegExp(`^DW00${n + 1} \\S+排口$`));
        expect(["直接排放", "间接排放"]).toContain(o.dischargeMode);
        // The nearest section is in the enterprise's own province (credit code digits 3–4).
        expect(o.section.division.code.slice(0, 2)).toBe(e.creditCode.slice(2, 4));
        expect(o.section.readings).toHaveLength(2);
      });
    }
    // Outfalls (sections joined in) and one readings batch: not 45 + 80.
    expect(selects()).toHaveLength(2);
  });

  it("resolves N section representations with one query for the sections and one per distinct readings argument set", async () => {
    const ids = DEMO_PROVINCES.flatMap((p) => [`WS${p.code.slice(0, 2)}001`, `WS${p.code.slice(0, 2)}002`]).slice(0, 40);
    unit.resetStatements();
    const res = await postGraphQL(
      unit.running.url,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on WaterSection { id name
         a: readings(last: 3) { at } b: readings(last: 6) { at } c: readings(last: 3) { at qualityClass } } } }`,
      { r: [...ids, "WS99001"].map((id) => ({ __typename: "WaterSection", id })) },
    );
    expect(res.body.errors).toBeUndefined();
    const entities = res.body.data!["_entities"] as ({ id: string; a: unknown[]; b: unknown[]; c: unknown[] } | null)[];
    expect(entities.slice(0, ids.length).map((e) => e!.id)).toEqual(ids);
    expect(entities[ids.length]).toBeNull();
    for (const e of entities.slice(0, ids.length)) {
      expect(e!.a).toHaveLength(3);
      expect(e!.b).toHaveLength(6);
      expect(e!.c).toHaveLength(3);
    }
    // Sections, readings(last: 3) (shared by a and c), readings(last: 6).
    expect(selects()).toHaveLength(3);
  });

  it("batches the readings of every section of a list into one statement", async () => {
    unit.resetStatements();
    const res = await postGraphQL(unit.running.url, `{ waterSections(divisionCode: "440000") { id readings(last: 1) { at } } }`);
    expect(res.body.errors).toBeUndefined();
    expect((res.body.data!["waterSections"] as unknown[]).length).toBe(30);
    expect(selects()).toHaveLength(2);
  });
});

describe("water subgraph: root fields and arguments", () => {
  it("lists the sections of one province", async () => {
    const res = await postGraphQL(unit.running.url, `{ waterSections(divisionCode: "320000") { id name river basin targetClass division { code } } }`);
    const sections = res.body.data!["waterSections"] as Section[];
    expect(sections).toHaveLength(12 + 2 * DEMO_PROVINCES.find((p) => p.code === "320000")!.weight);
    expect(sections.every((s) => s.division.code === "320000" && s.id.startsWith("WS32"))).toBe(true);
    expect(sections.map((s) => s.id)).toEqual([...sections.map((s) => s.id)].sort());
    expect(sections.some((s) => s.name.startsWith("长江 ") && s.basin === "长江")).toBe(true);
    expect(sections.some((s) => s.basin === "太湖")).toBe(true);
  });

  it("answers a section by id, and null for an unknown id", async () => {
    const res = await postGraphQL(
      unit.running.url,
      `{ known: waterSection(id: "WS32001") { id name river division { code } } unknown: waterSection(id: "WS99999") { id } }`,
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({
      known: { id: "WS32001", name: expect.stringMatching(/^长江 南京/), river: "长江", division: { code: "320000" } },
      unknown: null,
    });
  });

  it("returns the newest 24 readings by default, 4 hours apart, ending at DEMO_END", async () => {
    const res = await postGraphQL(unit.running.url, `{ waterSection(id: "WS11001") { readings { at } } }`);
    const readings = (res.body.data!["waterSection"] as { readings: { at: string }[] }).readings;
    expect(readings.map((r) => r.at)).toEqual(Array.from({ length: 24 }, (_, k) => shanghaiDateTime(DEMO_END - k * 4 * HOUR_MS)));
  });

  it("keeps 30 days of readings and filters by a window in any offset", async () => {
    const res = await postGraphQL(
      unit.running.url,
      `{ waterSection(id: "WS11001") {
          all: readings(last: 500) { at }
          day: readings(from: "2026-10-31T00:00:00Z", to: "2026-11-01T08:00:00+08:00", last: 500) { at }
          two: readings(to: "2026-10-31T12:00:00+08:00", last: 2) { at } } }`,
    );
    expect(res.body.errors).toBeUndefined();
    const s = res.body.data!["waterSection"] as Record<string, { at: string }[]>;
    expect(s["all"]).toHaveLength(180);
    expect(s["all"]!.at(-1)!.at).toBe(shanghaiDateTime(DEMO_END - 179 * 4 * HOUR_MS));
    expect(s["day"]!.map((r) => r.at)).toEqual(Array.from({ length: 7 }, (_, k) => shanghaiDateTime(DEMO_END - k * 4 * HOUR_MS)));
    expect(s["two"]!.map((r) => r.at)).toEqual(["2026-10-31T12:00:00+08:00", "2026-10-31T08:00:00+08:00"]);
  });

  it.each([
    ["last", `{ waterSection(id: "WS11001") { readings(last: 501) { at } } }`],
    ["last", `{ waterSection(id: "WS11001") { readings(last: -1) { at } } }`],
    ["from", `{ waterSection(id: "WS11001") { readings(from: "2026-10-31T00:00:00+08:00", to: "2026-10-30T00:00:00+08:00") { at } } }`],
  ])("rejects a bad readings %s with BAD_USER_INPUT", async (argument, query) => {
    const res = await postGraphQL(unit.running.url, query);
    expect(errorCodes(res.body)).toEqual([["BAD_USER_INPUT", "waterSection.readings"]]);
    expect(res.body.errors![0]!.extensions!["argument"]).toBe(argument);
    expect(res.body.data).toEqual({ waterSection: null });
  });

  it.each([`{ waterSections(divisionCode: "32") { id } }`, `{ waterSections(divisionCode: "abcdef") { id } }`])(
    "rejects a malformed divisionCode: %s",
    async (query) => {
      const res = await postGraphQL(unit.running.url, query);
      expect(errorCodes(res.body)).toEqual([["BAD_USER_INPUT", "waterSections"]]);
      expect(res.body.errors![0]!.extensions!["argument"]).toBe("divisionCode");
    },
  );
});

describe("GB 3838-2002 single-factor class", () => {
  const clean = { dissolvedOxygen: 8, permanganateIndex: 1.5, ammoniaNitrogen: 0.1, totalPhosphorus: 0.015 };
  it.each([
    [clean, "河流", "I"],
    [{ ...clean, dissolvedOxygen: 7.5, permanganateIndex: 2, ammoniaNitrogen: 0.15, totalPhosphorus: 0.02 }, "河流", "I"],
    [{ ...clean, totalPhosphorus: 0.021 }, "河流", "II"],
    [{ ...clean, totalPhosphorus: 0.02 }, "湖库", "II"],
    [{ ...clean, totalPhosphorus: 0.2 }, "河流", "III"],
    [{ ...clean, totalPhosphorus: 0.2 }, "湖库", "V"],
    [{ ...clean, dissolvedOxygen: 4.9 }, "河流", "IV"],
    [{ ...clean, permanganateIndex: 15 }, "河流", "V"],
    [{ ...clean, ammoniaNitrogen: 2.01 }, "河流", "劣V"],
    [{ ...clean, dissolvedOxygen: 1.9 }, "河流", "劣V"],
  ] as const)("%o in a %s is class %s", (values, body, expected) => {
    expect(surfaceWaterClass(values, body)).toBe(expected);
  });
});

describe("water subgraph: demo data", () => {
  let sections: (Section & { readings: Reading[] })[];
  beforeAll(async () => {
    const res = await postGraphQL(
      unit.running.url,
      `{ waterSections { id name river basin targetClass division { code }
         readings(last: 500) { at qualityClass ph dissolvedOxygen permanganateIndex ammoniaNitrogen totalPhosphorus temperature } } }`,
    );
    expect(res.body.errors).toBeUndefined();
    sections = res.body.data!["waterSections"] as typeof sections;
  });

  it("has at least 520 uniquely named sections over all 31 provinces", () => {
    expect(sections.length).toBeGreaterThanOrEqual(520);
    expect(new Set(sections.map((s) => s.division.code)).size).toBe(31);
    expect(new Set(sections.map((s) => s.name)).size).toBe(sections.length);
    for (const s of sections) {
      expect(s.name).toMatch(new RegExp(`^${s.river} \\S+$`));
      expect(BASINS).toContain(s.basin);
      expect(["I", "II", "III", "IV", "V"]).toContain(s.targetClass);
    }
    expect(new Set(sections.map((s) => s.basin)).size).toBe(BASINS.length);
  });

  it("has a reading every 4 hours for 30 days per section, with plausible values", () => {
    const times = Array.from({ length: 180 }, (_, k) => shanghaiDateTime(DEMO_END - k * 4 * HOUR_MS));
    expect(sections.every((s) => s.readings.every((r, k) => r.at === times[k]))).toBe(true);
    const all = sections.flatMap((s) => s.readings);
    expect(new Set(all.map((r) => r.qualityClass))).toEqual(new Set(CLASSES));
    const range = (pick: (r: Reading) => number): [number, number] => {
      const values = all.map(pick);
      return [Math.min(...values), Math.max(...values)];
    };
    const within = ([min, max]: [number, number], low: number, high: number): void => {
      expect(min).toBeGreaterThanOrEqual(low);
      expect(max).toBeLessThanOrEqual(high);
    };
    within(range((r) => r.ph), 6.5, 9.2);
    within(range((r) => r.dissolvedOxygen), 0.2, 20);
    within(range((r) => r.permanganateIndex), 0.1, 40);
    within(range((r) => r.ammoniaNitrogen), 0.005, 15);
    within(range((r) => r.totalPhosphorus), 0.001, 2.5);
    within(range((r) => r.temperature), 0.5, 35);
  });

  it("has most sections in class II–III, some in IV–V and a few in 劣V", () => {
    // A section's class over the month is its most frequent reading class.
    const share = (classes: string[]): number =>
      sections.filter((s) => classes.includes(modalClass(s.readings))).length / sections.length;
    expect(share(["II", "III"])).toBeGreaterThan(0.6);
    expect(share(["I", "II", "III"])).toBeGreaterThan(0.75);
    expect(share(["IV", "V"])).toBeGreaterThan(0.05);
    expect(share(["IV", "V"])).toBeLessThan(0.25);
    expect(share(["劣V"])).toBeGreaterThan(0);
    expect(share(["劣V"])).toBeLessThan(0.06);
  });

  it("has dissolved oxygen highest in the afternoon and lowest before dawn", () => {
    const meanAt = (hour: string): number => mean(sections.flatMap((s) => s.readings.filter((r) => r.at.slice(11, 13) === hour).map((r) => r.dissolvedOxygen)));
    expect(meanAt("16")).toBeGreaterThan(meanAt("04") + 0.5);
    expect(meanAt("12")).toBeGreaterThan(meanAt("00"));
  });

  it("has water cooling through October, colder in the north than in the south", () => {
    const all = sections.flatMap((s) => s.readings);
    const early = mean(all.filter((r) => r.at < "2026-10-07").map((r) => r.temperature));
    const late = mean(all.filter((r) => r.at >= "2026-10-27").map((r) => r.temperature));
    expect(early - late).toBeGreaterThan(2);
    const provinceMean = (code: string): number =>
      mean(sections.filter((s) => s.division.code === code).flatMap((s) => s.readings.map((r) => r.temperature)));
    expect(provinceMean("440000") - provinceMean("230000")).toBeGreaterThan(10);
  });

  it("gives every enterprise discharging to water 1–3 outfalls, and others none", async () => {
    const enterprises = demoEnterprises();
    unit.resetStatements();
    const res = await postGraphQL(
      unit.running.url,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { outfalls { id dischargeMode section { id } } } } }`,
      { r: enterprises.map((e) => ({ __typename: "Enterprise", creditCode: e.creditCode })) },
    );
    expect(res.body.errors).toBeUndefined();
    expect(selects()).toHaveLength(1);
    const entities = res.body.data!["_entities"] as { outfalls: { dischargeMode: string }[] }[];
    enterprises.forEach((e, i) => {
      const n = entities[i]!.outfalls.length;
      if (e.media.includes("water")) expect(n >= 1 && n <= 3).toBe(true);
      else expect(n).toBe(0);
    });
    const outfalls = entities.flatMap((e) => e.outfalls);
    const direct = outfalls.filter((o) => o.dischargeMode === "直接排放").length / outfalls.length;
    expect(direct).toBeGreaterThan(0.3);
    expect(direct).toBeLessThan(0.7);
  });
});

function modalClass(readings: Reading[]): string {
  const counts = new Map<string, number>();
  for (const r of readings) counts.set(r.qualityClass, (counts.get(r.qualityClass) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}
