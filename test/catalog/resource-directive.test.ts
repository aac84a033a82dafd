import { describe, expect, it } from "vitest";
import { lintSubgraphs } from "../../directives/share/lint.js";
import { composeSupergraph } from "../../schema/compose.js";
import { demoSupergraph } from "./demo-supergraph.js";
import { FIXTURE_HEADER } from "./fixture.js";

const TYPE = `type Query { r: Reading @share(class: UNCONDITIONAL) }
type Reading @share(class: UNCONDITIONAL) @resource(updateFrequency: HOURLY) { at: String }`;

describe("@resource through composition", () => {
  it("survives into the demo supergraph, next to @share", async () => {
    const sdl = await demoSupergraph();
    expect(sdl).toContain('@link(url: "https://ecofed.dev/share/v1.0", import: ["@share", "@resource"])');
    expect(sdl).toMatch(/type AirReading\n(\s+@\S.*\n)*\s+@resource\(updateFrequency: HOURLY, category: "大气环境管理"\)/);
  });

  it("is dropped without @composeDirective, silently — and lint says so", () => {
    const header = FIXTURE_HEADER.replace('  @composeDirective(name: "@resource")\n', "");
    const composed = composeSupergraph([{ name: "air", url: "http://air", sdl: `${header}\n${TYPE}` }]);
    expect(composed.ok && composed.supergraphSdl.includes("@resource(updateFrequency: HOURLY")).toBe(false);
    expect(lintSubgraphs([{ name: "air", sdl: `${header}\n${TYPE}` }])).toEqual([
      'air: schema: links @resource but does not @composeDirective(name: "@resource"): composition would drop every @resource silently',
    ]);
  });

  it("is reported by lint when two units declare it on one type, since composition keeps one", () => {
    const entity = (frequency: string) => `type Site @key(fields: "id") @resource(updateFrequency: ${frequency}) { id: ID! @share(class: UNCONDITIONAL) }`;
    expect(lintSubgraphs([
      { name: "soil", sdl: `${FIXTURE_HEADER}\ntype Query { s: Site @share(class: UNCONDITIONAL) }\n${entity("ON_CHANGE")}` },
      { name: "water", sdl: `${FIXTURE_HEADER}\n${entity("DAILY")}` },
    ])).toEqual(["Site: @resource declared in soil and water (composition keeps one silently): only the lead unit declares it (Art. 13)"]);
  });
});
