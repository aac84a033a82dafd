import { describe, expect, it } from "vitest";
import { buildCatalog } from "../../governance/catalog/build-catalog.js";
import { diffCatalogs } from "../../governance/catalog/diff-catalogs.js";
import { composeFixture, FIELD_SDL, LAB_SDL } from "./fixture.js";

const before = buildCatalog(composeFixture({ lab: LAB_SDL, field: FIELD_SDL }));
const after = (lab: string, field: string | null = FIELD_SDL) => buildCatalog(composeFixture(field ? { lab, field } : { lab }));
const none = { added: [], removed: [], changed: [] };

describe("diffCatalogs (Art. 12: every schema change is a new catalog version)", () => {
  it("finds nothing between a catalog and itself", () => {
    expect(diffCatalogs(before, buildCatalog(composeFixture({ lab: LAB_SDL, field: FIELD_SDL })))).toEqual({
      from: before.digest,
      to: before.digest,
      resources: none,
      items: none,
    });
  });

  it("lists an added item, and no resource change for it", () => {
    const next = after(LAB_SDL.replace("note: String", "unit: String @share(class: UNCONDITIONAL)\n  note: String"));
    const diff = diffCatalogs(before, next);
    expect(diff.to).toBe(next.digest);
    expect(diff.to).not.toBe(diff.from);
    expect(diff.resources).toEqual(none);
    expect(diff.items).toEqual({ ...none, added: ["Sample.unit"] });
  });

  it("lists a removed resource with every one of its items, and a unit that stops contributing", () => {
    expect(diffCatalogs(before, after(LAB_SDL, null))).toEqual({
      from: before.digest,
      to: expect.any(String),
      resources: { ...none, changed: [{ name: "Station", changes: [{ attribute: "contributors", from: ["field"], to: [] }] }] },
      items: { ...none, removed: ["Station.depth"] },
    });
    const withoutStation = LAB_SDL.replace(/type Station[^\n]*\n/, "").replace("  station: Station\n", "");
    expect(diffCatalogs(before, after(withoutStation, null))).toMatchObject({
      resources: { ...none, removed: ["Station"] },
      items: { ...none, removed: ["Sample.station", "Station.code", "Station.depth", "Station.id", "Station.name"] },
    });
  });

  it("names each changed attribute with its previous and next value", () => {
    const next = after(
      LAB_SDL.replace('analyst: String @share(class: NOT_SHARED, basis: "个人信息保护法 第三十四条")', 'analyst: String @share(class: UNCONDITIONAL)').replace(
        "updateFrequency: DAILY",
        "updateFrequency: HOURLY",
      ),
    );
    const diff = diffCatalogs(before, next);
    expect(diff.resources.changed).toEqual([{ name: "Sample", changes: [{ attribute: "updateFrequency", from: "DAILY", to: "HOURLY" }] }]);
    expect(diff.items.changed.find((c) => c.coordinate === "Sample.analyst")).toEqual({
      coordinate: "Sample.analyst",
      changes: [
        { attribute: "updateFrequency", from: "DAILY", to: "HOURLY" },
        { attribute: "sharingClass", from: "NOT_SHARED", to: "UNCONDITIONAL" },
        { attribute: "purposes", from: [], to: ["ADMINISTRATIVE_BASIS", "WORK_REFERENCE", "DATA_VERIFICATION", "BUSINESS_COLLABORATION"] },
        { attribute: "basis", from: "个人信息保护法 第三十四条", to: null },
        { attribute: "sharingMethod", from: "not shared; exceptional grant via cac-office coordination", to: "GraphQL federation query via the gateway" },
      ],
    });
    // The frequency is the resource's, so every item of it changed, and nothing else did.
    expect(diff.items.changed.map((c) => c.coordinate)).toEqual(["Sample.analyst", "Sample.id", "Sample.note", "Sample.value"]);
    expect(diff.items.added).toEqual([]);
  });

  it("sees a change of lead unit and contributors", () => {
    const diff = diffCatalogs(before, after(LAB_SDL, FIELD_SDL.replace("depth: Float", "depth: Float\n  level: Float @share(class: UNCONDITIONAL)\n  flow: Float")));
    // field now defines more of Station than lab: it originates the key (Art. 13).
    expect(diff.resources.changed).toEqual([
      { name: "Station", changes: [{ attribute: "owner", from: "lab", to: "field" }, { attribute: "contributors", from: ["field"], to: ["lab"] }] },
    ]);
    expect(diff.items.added).toEqual(["Station.flow", "Station.level"]);
  });
});
