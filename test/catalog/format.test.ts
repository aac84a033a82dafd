import { describe, expect, it } from "vitest";
import { buildCatalog } from "../../governance/catalog/build-catalog.js";
import { formatCatalog, isCatalogFormat } from "../../governance/catalog/format-catalog.js";
import { toCsv } from "../../governance/catalog/csv.js";
import { fixtureSupergraph } from "./fixture.js";
import { csvObjects, parseCsv } from "./parse-csv.js";

const catalog = buildCatalog(fixtureSupergraph());

describe("formatCatalog", () => {
  it("writes JSON that is the catalog itself", () => {
    const text = formatCatalog(catalog, "json");
    expect(text.endsWith("}\n")).toBe(true);
    expect(JSON.parse(text)).toEqual(catalog);
  });

  it("quotes as RFC 4180 says: commas, quotes, line breaks; Chinese as it is", () => {
    expect(toCsv([["a", "b,c", ""], ['say "hi"', "多\n行", "中文"]])).toBe('a,"b,c",\r\n"say ""hi""","多\n行",中文\r\n');
    expect(parseCsv(toCsv([["x\r\ny", '"', ","]]))).toEqual([["x\r\ny", '"', ","]]);
  });

  it("writes one CSV row per data item under a header, that reads back to the catalog's values", () => {
    const text = formatCatalog(catalog, "csv");
    const records = parseCsv(text);
    expect(records[0]).toEqual([
      "resource", "resourceDescription", "category", "leadUnit", "contributingUnits", "accessPoints", "coordinate", "description", "owner",
      "updateFrequency", "type", "kind", "namedType", "arguments", "references", "sharingClass", "scope", "purposes", "approval", "mask",
      "basis", "sharingMethod",
    ]);
    expect(records.slice(1).every((r) => r.length === records[0]!.length)).toBe(true);
    const rows = csvObjects(text);
    expect(rows.map((r) => r["coordinate"])).toEqual(catalog.resources.flatMap((r) => r.items.map((i) => i.coordinate)));
    expect(rows.find((r) => r["coordinate"] === "Sample.value")).toMatchObject({
      resource: "Sample",
      resourceDescription: "A water sample, as the lab analyses it.",
      category: "水环境管理",
      accessPoints: "Query.samplePage;Query.samples",
      description: 'Concentration, mg/L; "n.d." below the limit, as 中文 reports say.',
      type: "Float",
      sharingClass: "CONDITIONAL",
      scope: "water",
      purposes: "ADMINISTRATIVE_BASIS;WORK_REFERENCE;DATA_VERIFICATION;BUSINESS_COLLABORATION",
      approval: "true",
      mask: "NONE",
      basis: "",
    });
    expect(text).toContain('"Concentration, mg/L; ""n.d."" below the limit, as 中文 reports say."');
    expect(rows.find((r) => r["coordinate"] === "Station.name")).toMatchObject({ updateFrequency: "", sharingClass: "", contributingUnits: "field" });
  });

  it("knows its formats", () => {
    expect(["json", "csv", "xml", ""].map(isCatalogFormat)).toEqual([true, true, false, false]);
  });
});
