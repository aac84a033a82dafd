import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Catalog } from "../../governance/catalog/catalog.js";
import { demoSupergraph } from "../catalog/demo-supergraph.js";
import { csvObjects } from "../catalog/parse-csv.js";
import { runCli, type CliRun } from "../helpers/cli-process.js";
import { tempDir } from "../helpers/temp-dir.js";

const dir = tempDir("catalog-cli");
afterAll(() => dir.remove());

const INFORMANT_ROW =
  "Inspection,,环境监察执法,enforcement,,Query.inspection,Inspection.informant,Who reported the enterprise; only on 信访举报核查 inspections.," +
  "enforcement,ON_CHANGE,String,SCALAR,String,,,NOT_SHARED,,,,," +
  "《中华人民共和国环境保护法》第五十七条：接受举报的机关应当对举报人的相关信息予以保密，保护举报人的合法权益。," +
  "not shared; exceptional grant via cac-office coordination\r\n";

describe("ecofed catalog", () => {
  let json: CliRun;
  let csv: CliRun;
  // Two runs at once: each composes the demo federation in its own process.
  beforeAll(async () => {
    [json, csv] = await Promise.all([runCli(["catalog"]), runCli(["catalog", "--format", "csv"])]);
  });

  it("prints the catalog as JSON by default", () => {
    expect(json.stderr).toBe("");
    expect(json.code).toBe(0);
    const catalog = JSON.parse(json.stdout) as Catalog;
    const items = new Map(catalog.resources.flatMap((r) => r.items.map((i) => [i.coordinate, i])));
    expect(items.get("Enterprise.legalRepresentative")).toMatchObject({ owner: "info-center", sharingClass: "CONDITIONAL", scope: ["enforcement", "permits"], conditions: { mask: "PARTIAL" } });
    expect(items.get("Enterprise.inspections")).toMatchObject({ owner: "enforcement", purposes: ["DATA_VERIFICATION", "BUSINESS_COLLABORATION"] });
    expect(items.get("Inspection.informant")).toMatchObject({ sharingClass: "NOT_SHARED", basis: expect.stringContaining("第五十七条") });
    expect(items.get("NuclearFacility.physicalProtectionPlan")!.sharingClass).toBe("NOT_SHARED");
    expect(catalog.resources.find((r) => r.name === "Enterprise")).toMatchObject({ owner: "info-center", contributors: expect.arrayContaining(["enforcement"]) });
  });

  it("prints one CSV row per data item under a header", () => {
    expect(csv.stderr).toBe("");
    expect(csv.code).toBe(0);
    expect(csv.stdout.split("\r\n")[0]).toMatch(/^resource,resourceDescription,category,leadUnit,.*,basis,sharingMethod$/);
    expect(csv.stdout).toContain(`\r\n${INFORMANT_ROW}`);
    const rows = csvObjects(csv.stdout);
    const catalog = JSON.parse(json.stdout) as Catalog;
    expect(rows.map((r) => r["coordinate"])).toEqual(catalog.resources.flatMap((r) => r.items.map((i) => i.coordinate)));
  });

  it("catalogs a supergraph file the same as the demo federation it was composed from", async () => {
    const file = join(dir.path, "supergraph.graphql");
    writeFileSync(file, await demoSupergraph());
    const run = await runCli(["catalog", "--supergraph", file]);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as Catalog).digest).toBe((JSON.parse(json.stdout) as Catalog).digest);
  });

  it.each([
    [["catalog", "--format", "xml"], 2, 'ecofed: --format must be one of json, csv, got "xml"'],
    [["catalog", "--bogus"], 2, null],
    [["catalog", "--supergraph", "/nonexistent/s.graphql"], 1, "ecofed: cannot read supergraph /nonexistent/s.graphql: ENOENT"],
  ])("ecofed %j → exit %i with one line", async (args, code, line) => {
    const run = await runCli(args as string[]);
    expect(run.code).toBe(code);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    if (line) expect(run.stderr.trim()).toBe(line);
  });

  it("refuses a file that is not a supergraph, in one line", async () => {
    const file = join(dir.path, "plain.graphql");
    writeFileSync(file, "type Query { hello: String }");
    const run = await runCli(["catalog", "--supergraph", file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`ecofed: cannot catalog supergraph ${file}: not a Federation 2 supergraph (it defines no join__Graph)\n`);
  });
});
