import { describe, expect, it } from "vitest";
import { SHARE_DEFINITIONS_SDL } from "../../directives/share/definition.js";
import { buildCatalog } from "../../governance/catalog/build-catalog.js";
import { checkFederation, findingLine } from "../../governance/catalog/check-federation.js";
import { composeSupergraph } from "../../schema/compose.js";

const header = `extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@composeDirective"])
  @link(url: "https://ecofed.dev/share/v1.0", import: ["@share", "@resource"])
  @composeDirective(name: "@share")
  @composeDirective(name: "@resource")
${SHARE_DEFINITIONS_SDL}`;
const subgraph = (name: string, body: string) => ({ name, url: `http://127.0.0.1:1/${name}`, sdl: `${header}\n${body}` });

// Water is business data (Art. 16); one field CONDITIONAL on a basis, one type without a frequency, one field unclassified.
const LAB = subgraph(
  "lab",
  `type Query @share(class: UNCONDITIONAL) { samples: [Sample!]! stations: [Station!]! }
   type Sample @key(fields: "id") @resource(updateFrequency: DAILY, category: "水环境管理") @share(class: UNCONDITIONAL) {
     id: ID!
     value: Float @share(class: CONDITIONAL, conditions: { scope: ["water"] }, basis: "监测规范")
   }
   type Station @key(fields: "code") { code: ID! @share(class: UNCONDITIONAL) name: String @share(class: UNCONDITIONAL) depth: Float }`,
);

describe("one set of checks for lint, the catalog and npm start (issue 15 §3)", () => {
  it("blocks on what the catalog calls a problem, and only warns of what it flags", () => {
    const checks = checkFederation([LAB]);
    const composed = composeSupergraph([LAB]);
    if (!composed.ok) throw new Error(composed.errors.join("\n"));
    const catalog = buildCatalog(composed.supergraphSdl);
    expect(catalog.problems.map((p) => [p.code, p.subject])).toEqual([
      ["NO_UPDATE_FREQUENCY", "Station"],
      ["UNCLASSIFIED", "Station.depth"],
    ]);
    // The unclassified field is named once, by the SDL check that sees it first.
    expect(checks.problems).toEqual([
      "lab: Station.depth: has no @share: unclassified, so it is denied to every other unit",
      findingLine(catalog.problems[0]!),
    ]);
    expect(checks.problems[1]).toBe("lab: Station: has no @resource(updateFrequency: …): its update frequency is not stated (Art. 7(2), 10) (NO_UPDATE_FREQUENCY)");
    expect(checks.flags).toEqual(catalog.flags.map(findingLine));
    expect(checks.flags).toEqual(["lab: Sample.value: is 水环境管理 business data (Art. 16: shared unconditionally) but classed CONDITIONAL, on a stated basis (BUSINESS_DATA_NOT_UNCONDITIONAL)"]);
  });

  it("passes a federation whose only findings are flags, and gives the supergraph it checked", () => {
    const fixed = subgraph(
      "lab",
      LAB.sdl
        .slice(header.length)
        .replace('type Station @key(fields: "code")', 'type Station @key(fields: "code") @resource(updateFrequency: HOURLY)')
        .replace("depth: Float", "depth: Float @share(class: UNCONDITIONAL)"),
    );
    const checks = checkFederation([fixed]);
    expect(checks.problems).toEqual([]);
    expect(checks.flags).toHaveLength(1);
    expect(checks.supergraphSdl).toContain("join__graph");
  });

  it("counts a composition failure as a problem", () => {
    const twice = subgraph("other", `type Query @share(class: UNCONDITIONAL) { samples: Int }`);
    const checks = checkFederation([LAB, twice]);
    expect(checks.supergraphSdl).toBeNull();
    expect(checks.problems.some((p) => p.startsWith("composition: "))).toBe(true);
  });
});
