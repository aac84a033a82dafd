import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY_MS, DEMO_END, HOUR_MS, shanghaiDateTime } from "../../demo/calendar.js";
import { demoEnterprises } from "../../demo/enterprises.js";
import { DEMO_PROVINCES } from "../../demo/provinces.js";
import { unitStoreFile } from "../../subgraphs/_kit/serve-unit.js";
import { airClimate } from "../../subgraphs/atmosphere/air-climate.js";
import { hourlyAqi } from "../../subgraphs/atmosphere/aqi.js";
import { atmosphere } from "../../subgraphs/atmosphere/index.js";
import { demoAirStations } from "../../subgraphs/atmosphere/stations.js";
import { errorCodes, postGraphQL } from "../helpers/graphql-client.js";
import { startUnit, type UnitUnderTest } from "../helpers/unit-server.js";

let unit: UnitUnderTest;
let db: Database.Database;
beforeAll(async () => {
  unit = await startUnit(atmosphere);
  db = new Database(unitStoreFile(unit.dataDir, atmosphere.code), { readonly: true });
});
afterAll(async () => {
  db?.close();
  await unit?.stop();
});

const selects = (): string[] => unit.statements.filter((s) => s.trimStart().startsWith("SELECT"));

interface Reading {
  at: string;
  aqi: number | null;
  primaryPollutant: string | null;
  pm25: number;
  pm10: number;
  so2: number;
  no2: number;
  o3: number;
  co: number;
}
const READING_FIELDS = "at aqi primaryPollutant pm25 pm10 so2 no2 o3 co";

describe("atmosphere subgraph: batching", () => {
  it("resolves 40 station representations and their readings with one SELECT per loader", async () => {
    const ids = demoAirStations().filter((_, i) => i % 8 === 0).slice(0, 40).map((s) => s.id);
    expect(ids).toHaveLength(40);
    unit.resetStatements();
    const res = await postGraphQL(
      unit.running.url,
      `query ($r: [_Any!]!) { _entities(representations: $r) {
         ... on AirStation { id name division { code } readings(last: 3) { ${READING_FIELDS} } } } }`,
      { r: ids.map((id) => ({ __typename: "AirStation", id })) },
    );
    expect(res.body.errors).toBeUndefined();
    const stations = res.body.data!["_entities"] as { id: string; division: { code: string }; readings: Reading[] }[];
    expect(stations.map((s) => s.id)).toEqual(ids);
    for (const s of stations) {
      expect(s.readings.map((r) => r.at)).toEqual([0, 1, 2].map((k) => shanghaiDateTime(DEMO_END - k * HOUR_MS)));
    }
    // One for the stations, one for all their readings: not 40 + 40.
    expect(selects()).toHaveLength(2);
  });

  it("runs one readings statement per distinct argument set", async () => {
    const ids = demoAirStations().slice(0, 35).map((s) => s.id);
    unit.resetStatements();
    const res = await postGraphQL(
      unit.running.url,
      `query ($r: [_Any!]!) { _entities(representations: $r) {
         ... on AirStation { recent: readings(last: 2) { at } day: readings(last: 24) { at } again: readings(last: 2) { at } } } }`,
      { r: ids.map((id) => ({ __typename: "AirStation", id })) },
    );
    expect(res.body.errors).toBeUndefined();
    const stations = res.body.data!["_entities"] as { recent: unknown[]; day: unknown[]; again: unknown[] }[];
    expect(stations.every((s) => s.recent.length === 2 && s.day.length === 24 && s.again.length === 2)).toBe(true);
    // The stations, then one statement per distinct readings window (last: 2 is asked twice).
    expect(selects()).toHaveLength(3);
  });

  it("resolves 40 enterprise representations' emissions with one SELECT", async () => {
    const enterprises = demoEnterprises().slice(0, 40);
    expect(enterprises.some((e) => e.media.includes("air"))).toBe(true);
    expect(enterprises.some((e) => !e.media.includes("air"))).toBe(true);
    unit.resetStatements();
    const res = await postGraphQL(
      unit.running.url,
      `query ($r: [_Any!]!) { _entities(representations: $r) {
         ... on Enterprise { creditCode emissions { month pollutant tonnes } } } }`,
      { r: enterprises.map((e) => ({ __typename: "Enterprise", creditCode: e.creditCode })) },
    );
    expect(res.body.errors).toBeUndefined();
    const rows = res.body.data!["_entities"] as { creditCode: string; emissions: { month: string }[] }[];
    expect(rows.map((r) => r.creditCode)).toEqual(enterprises.map((e) => e.creditCode));
    rows.forEach((row, i) => {
      if (enterprises[i]!.media.includes("air")) expect(row.emissions.length).toBeGreaterThanOrEqual(12 * 3);
      else expect(row.emissions).toEqual([]);
    });
    expect(selects()).toHaveLength(1);
  });
});

describe("atmosphere subgraph: root fields and arguments", () => {
  it("lists all stations, or one province's", async () => {
    const all = await postGraphQL(unit.running.url, `{ airStations { id } }`);
    expect((all.body.data!["airStations"] as unknown[]).length).toBe(demoAirStations().length);
    const res = await postGraphQL(unit.running.url, `{ airStations(divisionCode: "320000") { id name division { code } } }`);
    const stations = res.body.data!["airStations"] as { id: string; name: string; division: { code: string } }[];
    expect(stations.length).toBe(demoAirStations().filter((s) => s.provinceCode === "320000").length);
    expect(stations.every((s) => s.division.code === "320000")).toBe(true);
    expect(stations.map((s) => s.id)).toEqual([...stations.map((s) => s.id)].sort());
    const none = await postGraphQL(unit.running.url, `{ airStations(divisionCode: "320100") { id } }`);
    expect(none.body).toEqual({ data: { airStations: [] } });
  });

  it("finds a station by id, and answers null for an unknown one", async () => {
    const first = demoAirStations()[0]!;
    const res = await postGraphQL(unit.running.url, `query ($id: ID!) { airStation(id: $id) { id name latitude longitude } }`, {
      id: first.id,
    });
    expect(res.body.data!["airStation"]).toEqual({
      id: first.id,
      name: first.name,
      latitude: first.latitude,
      longitude: first.longitude,
    });
    const unknown = await postGraphQL(unit.running.url, `{ airStation(id: "9999Z") { id } }`);
    expect(unknown.body).toEqual({ data: { airStation: null } });
  });

  it("returns the newest 24 readings by default, newest first", async () => {
    const res = await postGraphQL(unit.running.url, `{ airStation(id: "1001A") { readings { at } } }`);
    const readings = (res.body.data!["airStation"] as { readings: { at: string }[] }).readings;
    expect(readings.map((r) => r.at)).toEqual(Array.from({ length: 24 }, (_, k) => shanghaiDateTime(DEMO_END - k * HOUR_MS)));
  });

  it("filters readings to [from, to], inclusive, and caps them at last", async () => {
    const from = shanghaiDateTime(DEMO_END - 10 * DAY_MS);
    const to = shanghaiDateTime(DEMO_END - 9 * DAY_MS);
    const res = await postGraphQL(
      unit.running.url,
      `query ($from: DateTime, $to: DateTime) { airStation(id: "1002A") {
         all: readings(from: $from, to: $to, last: 500) { at } few: readings(from: $from, to: $to, last: 5) { at } } }`,
      { from, to },
    );
    const station = res.body.data!["airStation"] as { all: { at: string }[]; few: { at: string }[] };
    expect(station.all).toHaveLength(25);
    expect(station.all[0]!.at).toBe(to);
    expect(station.all[24]!.at).toBe(from);
    expect(station.few.map((r) => r.at)).toEqual(station.all.slice(0, 5).map((r) => r.at));
    // The same instant written in UTC selects the same hour.
    const utc = new Date(DEMO_END - 10 * DAY_MS).toISOString();
    const same = await postGraphQL(unit.running.url, `query ($t: DateTime) { airStation(id: "1002A") { readings(from: $t, to: $t) { at } } }`, {
      t: utc,
    });
    expect((same.body.data!["airStation"] as { readings: { at: string }[] }).readings).toEqual([{ at: from }]);
  });

  it("allows up to 500 readings", async () => {
    const res = await postGraphQL(unit.running.url, `{ airStation(id: "1003A") { readings(last: 500) { at } } }`);
    expect((res.body.data!["airStation"] as { readings: unknown[] }).readings).toHaveLength(500);
  });

  it.each([
    ["last", `{ airStation(id: "1001A") { readings(last: 501) { at } } }`],
    ["last", `{ airStation(id: "1001A") { readings(last: -1) { at } } }`],
    ["from", `{ airStation(id: "1001A") { readings(from: "2026-10-20T00:00:00+08:00", to: "2026-10-10T00:00:00+08:00") { at } } }`],
    ["from", `{ airStation(id: "1001A") { readings(from: "2026-10-20T00:00:00") { at } } }`],
    ["to", `{ airStation(id: "1001A") { readings(to: "2026-10-20T00:00:00") { at } } }`],
  ])("rejects a bad readings %s with BAD_USER_INPUT", async (argument, query) => {
    const res = await postGraphQL(unit.running.url, query);
    expect(errorCodes(res.body)).toEqual([["BAD_USER_INPUT", "airStation.readings"]]);
    expect(res.body.errors![0]!.extensions!["argument"]).toBe(argument);
    expect(res.body.data).toEqual({ airStation: null });
  });

  it("rejects a malformed division code, naming the argument", async () => {
    const res = await postGraphQL(unit.running.url, `{ airStations(divisionCode: "32") { id } }`);
    expect(errorCodes(res.body)).toEqual([["BAD_USER_INPUT", "airStations"]]);
    expect(res.body.errors![0]!.extensions!["argument"]).toBe("divisionCode");
  });
});

describe("atmosphere subgraph: demo data", () => {
  it("has ≥ 320 stations in all 31 provinces, placed near their province", () => {
    const stations = db.prepare("SELECT id, name, division_code AS code, latitude, longitude FROM air_stations").all() as {
      id: string;
      name: string;
      code: string;
      latitude: number;
      longitude: number;
    }[];
    expect(stations.length).toBeGreaterThanOrEqual(320);
    expect(new Set(stations.map((s) => s.code))).toEqual(new Set(DEMO_PROVINCES.map((p) => p.code)));
    expect(new Set(stations.map((s) => s.name)).size).toBe(stations.length);
    for (const s of stations) {
      expect(s.id).toMatch(/^\d{4}A$/);
      expect(s.name).toMatch(/^\p{Script=Han}+[市州]\p{Script=Han}+$/u);
      // Mainland China: 18–54° N, 73–135° E.
      expect(s.latitude).toBeGreaterThan(18);
      expect(s.latitude).toBeLessThan(54);
      expect(s.longitude).toBeGreaterThan(73);
      expect(s.longitude).toBeLessThan(135);
    }
    // Spot checks against a rough bounding box of a few provinces.
    const boxes: Record<string, [number, number, number, number]> = {
      "110000": [39.4, 41.1, 115.4, 117.5],
      "320000": [30.7, 35.2, 116.3, 121.9],
      "440000": [20.2, 25.5, 109.6, 117.3],
      "650000": [34.3, 49.2, 73.5, 96.4],
      "460000": [18.1, 20.2, 108.6, 111.1],
    };
    for (const [code, [latMin, latMax, lonMin, lonMax]] of Object.entries(boxes)) {
      for (const s of stations.filter((x) => x.code === code)) {
        expect(s.latitude).toBeGreaterThan(latMin);
        expect(s.latitude).toBeLessThan(latMax);
        expect(s.longitude).toBeGreaterThan(lonMin);
        expect(s.longitude).toBeLessThan(lonMax);
      }
    }
  });

  it("has ≥ 30 days of hourly readings per station, ending at DEMO_END", () => {
    const spans = db
      .prepare("SELECT station_id, count(*) AS n, min(at) AS first, max(at) AS last FROM air_readings GROUP BY station_id")
      .all() as { n: number; first: number; last: number }[];
    expect(spans.length).toBe(demoAirStations().length);
    for (const s of spans) {
      expect(s.last).toBe(DEMO_END);
      expect(s.last - s.first).toBeGreaterThanOrEqual(30 * DAY_MS);
      expect(s.n).toBe((s.last - s.first) / HOUR_MS + 1);
    }
  });

  it("keeps concentrations in plausible ranges", () => {
    const r = db
      .prepare(
        `SELECT min(pm25) AS pm25Min, max(pm25) AS pm25Max, avg(pm25) AS pm25Avg, min(pm10 - pm25) AS coarseMin,
           max(so2) AS so2Max, max(no2) AS no2Max, max(o3) AS o3Max, min(co) AS coMin, max(co) AS coMax FROM air_readings`,
      )
      .get() as Record<string, number>;
    expect(r["pm25Min"]).toBeGreaterThan(0);
    expect(r["pm25Max"]).toBeLessThan(500);
    expect(r["pm25Avg"]).toBeGreaterThan(20);
    expect(r["pm25Avg"]).toBeLessThan(70);
    expect(r["coarseMin"]).toBeGreaterThanOrEqual(0);
    expect(r["so2Max"]).toBeLessThan(200);
    expect(r["no2Max"]).toBeLessThan(300);
    expect(r["o3Max"]).toBeLessThan(400);
    expect(r["coMin"]).toBeGreaterThan(0);
    expect(r["coMax"]).toBeLessThan(10);
  });

  it("follows the daily cycle: primary pollutants peak at rush hour and night, O3 mid-afternoon", () => {
    const byHour = db
      .prepare(
        `SELECT ((at / 3600000) + 8) % 24 AS hour, avg(pm25) AS pm25, avg(no2) AS no2, avg(co) AS co, avg(o3) AS o3
         FROM air_readings GROUP BY hour ORDER BY hour`,
      )
      .all() as { hour: number; pm25: number; no2: number; co: number; o3: number }[];
    const at = (h: number) => byHour[h]!;
    const o3Peak = byHour.reduce((best, x) => (x.o3 > best.o3 ? x : best)).hour;
    expect(o3Peak).toBeGreaterThanOrEqual(14);
    expect(o3Peak).toBeLessThanOrEqual(16);
    expect(at(15).o3).toBeGreaterThan(3 * at(6).o3);
    for (const key of ["pm25", "no2", "co"] as const) {
      expect(at(8)[key]).toBeGreaterThan(at(15)[key] * 1.1);
      expect(at(22)[key]).toBeGreaterThan(at(15)[key] * 1.1);
      expect(at(8)[key]).toBeGreaterThan(at(5)[key]);
    }
  });

  it("makes the north dirtier than the south, and dirtier as autumn goes on", () => {
    const north = DEMO_PROVINCES.filter((p) => airClimate(p.code).north).map((p) => `'${p.code}'`).join(",");
    const rows = db
      .prepare(
        `SELECT s.division_code IN (${north}) AS north, r.at >= @late AS late, avg(r.pm25) AS pm25
         FROM air_readings r JOIN air_stations s ON s.id = r.station_id
         WHERE r.at < @early OR r.at >= @late GROUP BY 1, 2`,
      )
      .all({ early: DEMO_END - 20 * DAY_MS, late: DEMO_END - 10 * DAY_MS }) as { north: number; late: number; pm25: number }[];
    const avg = (n: number, l: number) => rows.find((r) => r.north === n && r.late === l)!.pm25;
    expect(avg(1, 1)).toBeGreaterThan(avg(1, 0) * 1.15);
    expect(avg(1, 0)).toBeGreaterThan(avg(0, 0));
    expect(avg(1, 1)).toBeGreaterThan(avg(0, 1) * 1.3);
  });

  it("has weather episodes: multi-day spells well above and below a province's typical level", () => {
    const days = db
      .prepare(
        `SELECT s.division_code AS code, (r.at - @start) / 86400000 AS day, avg(r.pm25) AS pm25
         FROM air_readings r JOIN air_stations s ON s.id = r.station_id WHERE r.at >= @start
         GROUP BY code, day ORDER BY code, day`,
      )
      .all({ start: DEMO_END - 30 * DAY_MS }) as { code: string; day: number; pm25: number }[];
    let withHaze = 0;
    let withClean = 0;
    for (const province of DEMO_PROVINCES) {
      const series = days.filter((d) => d.code === province.code).map((d) => d.pm25);
      const median = [...series].sort((a, b) => a - b)[series.length >> 1]!;
      const longestRun = (test: (x: number) => boolean) => {
        let best = 0;
        let run = 0;
        for (const x of series) best = Math.max(best, (run = test(x) ? run + 1 : 0));
        return best;
      };
      if (longestRun((x) => x > 1.4 * median) >= 2) withHaze++;
      if (longestRun((x) => x < 0.75 * median) >= 2) withClean++;
    }
    expect(withHaze).toBeGreaterThanOrEqual(20);
    expect(withClean).toBeGreaterThanOrEqual(20);
  });

  it("derives AQI and primary pollutant from the HJ 633-2012 hourly breakpoints", async () => {
    const res = await postGraphQL(unit.running.url, `{ airStations(divisionCode: "130000") { readings(last: 200) { ${READING_FIELDS} } } }`);
    const readings = (res.body.data!["airStations"] as { readings: Reading[] }[]).flatMap((s) => s.readings);
    expect(readings.length).toBeGreaterThan(1000);
    for (const r of readings) {
      expect(hourlyAqi({ "PM2.5": r.pm25, PM10: r.pm10, SO2: r.so2, NO2: r.no2, O3: r.o3, CO: r.co })).toEqual({
        aqi: r.aqi,
        primaryPollutant: r.primaryPollutant,
      });
      if (r.aqi! <= 50) expect(r.primaryPollutant).toBeNull();
      else expect(r.primaryPollutant).toMatch(/^(PM2\.5|PM10|O3|NO2|SO2|CO)(,(PM2\.5|PM10|O3|NO2|SO2|CO))*$/);
    }
    // Hebei in October: mostly good or moderate, with polluted spells.
    const polluted = readings.filter((r) => r.aqi! > 100).length / readings.length;
    expect(polluted).toBeGreaterThan(0.03);
    expect(polluted).toBeLessThan(0.6);
  });

  it("computes the HJ 633-2012 piecewise-linear index at known points", () => {
    const clean = { "PM2.5": 0, PM10: 0, SO2: 0, NO2: 0, O3: 0, CO: 0 };
    expect(hourlyAqi({ ...clean, "PM2.5": 35 })).toEqual({ aqi: 50, primaryPollutant: null });
    expect(hourlyAqi({ ...clean, "PM2.5": 75 })).toEqual({ aqi: 100, primaryPollutant: "PM2.5" });
    expect(hourlyAqi({ ...clean, "PM2.5": 76 })).toEqual({ aqi: 102, primaryPollutant: "PM2.5" }); // 100 + 50/40 → 101.25 ↑
    expect(hourlyAqi({ ...clean, PM10: 150, "PM2.5": 75 })).toEqual({ aqi: 100, primaryPollutant: "PM2.5,PM10" });
    expect(hourlyAqi({ ...clean, O3: 200 })).toEqual({ aqi: 100, primaryPollutant: "O3" });
    expect(hourlyAqi({ ...clean, O3: 250 })).toEqual({ aqi: 125, primaryPollutant: "O3" });
    expect(hourlyAqi({ ...clean, CO: 10 })).toEqual({ aqi: 100, primaryPollutant: "CO" });
    expect(hourlyAqi({ ...clean, NO2: 1200 })).toEqual({ aqi: 200, primaryPollutant: "NO2" });
    // SO2 above 800 µg/m³ falls back to the 24-hour breakpoints (Table 1, note 2).
    expect(hourlyAqi({ ...clean, SO2: 1200 })).toEqual({ aqi: 250, primaryPollutant: "SO2" });
    expect(hourlyAqi({ ...clean, "PM2.5": 900 })).toEqual({ aqi: 500, primaryPollutant: "PM2.5" });
    expect(hourlyAqi({ "PM2.5": null, PM10: null, SO2: null, NO2: null, O3: null, CO: null })).toEqual({
      aqi: null,
      primaryPollutant: null,
    });
  });

  it("reports 12 months of emissions for each air-emitting enterprise, plausible by industry", () => {
    const air = demoEnterprises().filter((e) => e.media.includes("air"));
    const stats = db
      .prepare(
        `SELECT credit_code AS code, count(DISTINCT month) AS months, group_concat(DISTINCT pollutant) AS pollutants,
           min(month) AS first, max(month) AS last, min(tonnes) AS least, max(tonnes) AS most, sum(tonnes) AS total
         FROM emission_records GROUP BY credit_code`,
      )
      .all() as { code: string; months: number; pollutants: string; first: string; last: string; least: number; most: number }[];
    expect(stats.map((s) => s.code).sort()).toEqual(air.map((e) => e.creditCode).sort());
    const industry = new Map(air.map((e) => [e.creditCode, e.industry]));
    for (const s of stats) {
      expect(s.months).toBe(12);
      expect([s.first, s.last]).toEqual(["2025-11", "2026-10"]);
      expect(s.least).toBeGreaterThan(0);
      expect(s.most).toBeLessThan(500);
      const pollutants = s.pollutants.split(",");
      expect(pollutants.every((p) => ["二氧化硫", "氮氧化物", "颗粒物", "挥发性有机物"].includes(p))).toBe(true);
      if (industry.get(s.code) === "火力发电") expect(pollutants).not.toContain("挥发性有机物");
      if (["石油化工", "汽车制造"].includes(industry.get(s.code)!)) expect(pollutants).toContain("挥发性有机物");
    }
    // A petrochemical plant emits far more VOCs than a pharmaceutical one, on average.
    const voc = (name: string) =>
      (
        db
          .prepare(
            `SELECT avg(tonnes) AS t FROM emission_records WHERE pollutant = '挥发性有机物'
             AND credit_code IN (SELECT value FROM json_each(?))`,
          )
          .get(JSON.stringify(air.filter((e) => e.industry === name).map((e) => e.creditCode))) as { t: number }
      ).t;
    expect(voc("石油化工")).toBeGreaterThan(3 * voc("化学药品制造"));
  });
});
