import { beforeAll, describe, expect, it } from "vitest";
import { composeDemoSupergraph } from "../../cli/commands/compose.js";
import { buildCatalog } from "../../governance/catalog/build-catalog.js";
import type { Catalog, DataItem } from "../../governance/catalog/catalog.js";
import { demoSupergraph } from "./demo-supergraph.js";
import { fixtureSupergraph } from "./fixture.js";

const itemsOf = (catalog: Catalog): Map<string, DataItem> => new Map(catalog.resources.flatMap((r) => r.items.map((i) => [i.coordinate, i])));
const resourceOf = (catalog: Catalog, name: string) => catalog.resources.find((r) => r.name === name)!;

describe("the demo federation's catalog (Art. 10–14)", () => {
  let catalog: Catalog;
  let items: Map<string, DataItem>;
  beforeAll(async () => {
    catalog = buildCatalog(await demoSupergraph());
    items = itemsOf(catalog);
  });

  it("states Enterprise.legalRepresentative: CONDITIONAL to permits and enforcement, masked to others, info-center's", () => {
    expect(items.get("Enterprise.legalRepresentative")).toMatchObject({
      owner: "info-center",
      sharingClass: "CONDITIONAL",
      scope: ["enforcement", "permits"],
      conditions: { approval: false, mask: "PARTIAL" },
      format: { type: "String", kind: "SCALAR", namedType: "String" },
      sharingMethod: "GraphQL federation query via the gateway for units in scope, others masked, or whole on approved application",
    });
  });

  it("states Enterprise.inspections: CONDITIONAL for two purposes (Art. 17), enforcement's", () => {
    expect(items.get("Enterprise.inspections")).toMatchObject({
      owner: "enforcement",
      sharingClass: "CONDITIONAL",
      scope: ["atmosphere", "soil", "water"],
      purposes: ["DATA_VERIFICATION", "BUSINESS_COLLABORATION"],
      format: { type: "[Inspection!]", kind: "OBJECT", resource: "Inspection" },
    });
  });

  it.each([
    ["Inspection.informant", "enforcement", "《中华人民共和国环境保护法》第五十七条"],
    ["NuclearFacility.physicalProtectionPlan", "nuclear", "《中华人民共和国核安全法》第十二条"],
  ])("states %s NOT_SHARED with its basis (Art. 18)", (coordinate, owner, law) => {
    const item = items.get(coordinate)!;
    expect(item).toMatchObject({ owner, sharingClass: "NOT_SHARED", purposes: [], scope: [], sharingMethod: "not shared; exceptional grant via cac-office coordination" });
    expect(item.basis).toContain(law);
  });

  it("names info-center the lead unit of Enterprise and lists the units that build it with it (Art. 13)", () => {
    expect(resourceOf(catalog, "Enterprise")).toMatchObject({
      owner: "info-center",
      contributors: ["atmosphere", "enforcement", "permits", "soil", "water"],
      updateFrequency: "ON_CHANGE",
      accessPoints: [
        expect.objectContaining({ coordinate: "Query.enterprise", signature: "enterprise(creditCode: ID!): Enterprise", owner: "info-center" }),
        expect.objectContaining({ coordinate: "Query.enterprises" }),
      ],
    });
    expect(items.get("Enterprise.creditCode")!.owner).toBe("info-center");
  });

  it("gives every resource an update frequency, and an item whose values are another resource that one's", () => {
    expect(catalog.resources.filter((r) => r.updateFrequency === null).map((r) => r.name)).toEqual([]);
    expect(resourceOf(catalog, "AirReading").updateFrequency).toBe("HOURLY");
    expect(items.get("AirStation.readings")!.updateFrequency).toBe("HOURLY");
    expect(items.get("Enterprise.emissions")!.updateFrequency).toBe("MONTHLY");
    expect(items.get("Enterprise.name")!.updateFrequency).toBe("ON_CHANGE");
  });

  it("folds connections and page infos into the resources they page", () => {
    const names = catalog.resources.map((r) => r.name);
    expect(names.filter((n) => n.endsWith("Connection") || n === "PageInfo" || n === "Query")).toEqual([]);
    expect(resourceOf(catalog, "Penalty").accessPoints.map((a) => a.coordinate)).toEqual(["Query.penalties"]);
  });

  it("has no problems, and flags the Art. 16 exceptions: every field is classified", () => {
    expect(catalog.problems).toEqual([]);
    expect(new Set(catalog.flags.map((f) => f.code))).toEqual(new Set(["BUSINESS_DATA_NOT_UNCONDITIONAL"]));
    expect(catalog.flags.map((p) => p.subject)).toEqual(expect.arrayContaining(["Enterprise.inspections", "Inspection.informant", "NuclearFacility.physicalProtectionPlan"]));
    // info-center's base data (Art. 14) is not business data: its CONDITIONAL item is not flagged.
    expect(catalog.flags.map((p) => p.subject)).not.toContain("Enterprise.legalRepresentative");
  });

  it("is ordered and has one digest per schema, whatever the ports", async () => {
    const names = catalog.resources.map((r) => r.name);
    expect(names).toEqual([...names].sort());
    for (const r of catalog.resources) expect(r.items.map((i) => i.coordinate)).toEqual(r.items.map((i) => i.coordinate).sort());
    expect(catalog.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(buildCatalog(await demoSupergraph()).digest).toBe(catalog.digest);
    expect(buildCatalog(await composeDemoSupergraph({ host: "10.0.0.1", port: 9000 })).digest).toBe(catalog.digest);
  });
});

describe("a hand-written federation's catalog", () => {
  const catalog = buildCatalog(fixtureSupergraph());
  const items = itemsOf(catalog);

  it("applies a type-level @share to the type's fields, a field's own overriding it", () => {
    expect(items.get("Sample.value")).toMatchObject({
      sharingClass: "CONDITIONAL",
      scope: ["water"],
      conditions: { approval: true, mask: "NONE" },
      sharingMethod: "on approved application",
    });
    expect(items.get("Sample.note")).toMatchObject({ sharingClass: "UNCONDITIONAL", conditions: null, sharingMethod: "GraphQL federation query via the gateway" });
    expect(items.get("Sample.analyst")).toMatchObject({ sharingClass: "NOT_SHARED", basis: "个人信息保护法 第三十四条" });
  });

  it("keeps @inaccessible fields, connections and page infos out, and reads @resource", () => {
    expect(catalog.resources.map((r) => [r.name, r.owner, r.contributors, r.updateFrequency, r.category])).toEqual([
      ["Sample", "lab", [], "DAILY", "水环境管理"],
      ["Station", "lab", ["field"], null, null],
    ]);
    expect(items.has("Sample.internalCode")).toBe(false);
    expect(resourceOf(catalog, "Sample").accessPoints.map((a) => a.coordinate)).toEqual(["Query.samplePage", "Query.samples"]);
    expect(items.get("Station.depth")!.owner).toBe("field");
  });

  it("reports items of a type without @resource with no frequency, and lists the catalog's problems and flags", () => {
    expect(items.get("Station.code")!.updateFrequency).toBeNull();
    expect(items.get("Sample.station")!.updateFrequency).toBeNull();
    expect(items.get("Station.name")).toMatchObject({ sharingClass: null, purposes: [], sharingMethod: "not served to other units: unclassified" });
    expect(catalog.problems.map((p) => [p.code, p.subject, p.owner])).toEqual([
      ["NO_UPDATE_FREQUENCY", "Station", "lab"],
      ["UNCLASSIFIED", "Station.name", "lab"],
    ]);
    expect(catalog.flags.map((p) => [p.code, p.subject, p.owner])).toEqual([
      ["BUSINESS_DATA_NOT_UNCONDITIONAL", "Sample.analyst", "lab"],
      ["BUSINESS_DATA_NOT_UNCONDITIONAL", "Sample.id", "lab"],
      ["BUSINESS_DATA_NOT_UNCONDITIONAL", "Sample.station", "lab"],
      ["BUSINESS_DATA_NOT_UNCONDITIONAL", "Sample.value", "lab"],
    ]);
  });

  it("refuses a document that is not a supergraph", () => {
    expect(() => buildCatalog("type Query { a: String }")).toThrow("not a Federation 2 supergraph");
  });
});
