import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { atmosphere } from "../../subgraphs/atmosphere/index.js";
import { demoAirStations } from "../../subgraphs/atmosphere/stations.js";
import { postGraphQL } from "../helpers/graphql-client.js";
import { startUnit, type UnitUnderTest } from "../helpers/unit-server.js";

/*
 * Issue 14 item 1, the unit's own line behind the gateway's limits: the items of lists one
 * request makes a unit build are bounded (here lowered to 1,000 so the demo data exceeds it).
 */

const MAX_ITEMS = 1_000;
let unit: UnitUnderTest;
beforeAll(async () => {
  unit = await startUnit(atmosphere, undefined, undefined, { maxItemsPerRequest: MAX_ITEMS });
});
afterAll(() => unit?.stop());

type Station = { readings: { aqi: number | null }[] | null } | null;

describe("a unit's read budget per request", () => {
  it("answers what fits", async () => {
    const res = await postGraphQL(unit.running.url, `{ airStations { readings(last: 2) { aqi } } }`);
    expect(res.body.errors).toBeUndefined();
    const stations = res.body.data!["airStations"] as Station[];
    expect(stations.length * 3).toBeLessThanOrEqual(MAX_ITEMS);
    expect(stations.every((s) => s?.readings?.length === 2)).toBe(true);
  });

  it("stops reading once a request has read its budget: UNIT_READ_LIMIT, the rest not built", async () => {
    const aliases = Array.from({ length: 20 }, (_, i) => `s${i}: airStations { readings(last: 500) { aqi } }`).join(" ");
    const res = await postGraphQL(unit.running.url, `{ ${aliases} }`);
    expect(res.status).toBe(200);
    const codes = new Set(res.body.errors?.map((e) => e.extensions?.["code"]));
    expect(codes).toEqual(new Set(["UNIT_READ_LIMIT"]));
    expect(res.body.errors![0]!.message).toBe(`This request reads more than ${MAX_ITEMS} items from this unit; ask for less.`);
    // Unbounded, this is 20 × every station × 500 readings.
    const read = Object.values(res.body.data ?? {}).flatMap((stations) => ((stations as Station[] | null) ?? []).flatMap((s) => s?.readings ?? []));
    expect(20 * demoAirStations().length * 500).toBeGreaterThan(100 * MAX_ITEMS);
    expect(read.length).toBeLessThanOrEqual(MAX_ITEMS + 500);
  });

  it("gives every request its own budget", async () => {
    const res = await postGraphQL(unit.running.url, `{ airStations { readings(last: 2) { aqi } } }`);
    expect(res.body.errors).toBeUndefined();
  });
});
