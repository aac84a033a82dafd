import { describe, expect, it } from "vitest";
import { SHARE_DEFINITIONS_SDL } from "../../directives/share/definition.js";
import { lintSubgraphs } from "../../directives/share/lint.js";
import { composeSupergraph } from "../../schema/compose.js";
import { buildUnitSubgraph } from "../../subgraphs/_kit/build-subgraph.js";
import { loadUnits } from "../../subgraphs/registry.js";

const LINKED = `extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@composeDirective", "@shareable"])
  @link(url: "https://ecofed.dev/share/v1.0", import: ["@share"])`;
const COMPOSED = `${LINKED}\n  @composeDirective(name: "@share")`;
const sub = (name: string, body: string, header = COMPOSED, defs = SHARE_DEFINITIONS_SDL) => ({ name, sdl: `${header}\n${defs}\n${body}` });

describe("ecofed lint (CONTRACT §3, SPEC §2)", () => {
  it("passes every demo unit", async () => {
    const units = await loadUnits();
    const subgraphs = await Promise.all(
      units.map(async (u) => ({ name: u.code, sdl: (await buildUnitSubgraph(u)).sdl })),
    );
    expect(lintSubgraphs(subgraphs)).toEqual([]);
  });

  it("catches @share linked but not composed — the fail-open trap composition stays silent about", () => {
    const quiet = sub("water", `type Query { secret: String @share(class: NOT_SHARED, basis: "law") }`, LINKED);
    // What composition does with it: succeeds, and the @share is gone from the supergraph.
    const composed = composeSupergraph([{ ...quiet, url: "http://w" }]);
    expect(composed.ok && composed.supergraphSdl.includes("NOT_SHARED, basis")).toBe(false);
    expect(lintSubgraphs([quiet])).toEqual([
      'water: schema: links @share but does not @composeDirective(name: "@share"): composition would drop every @share silently',
    ]);
  });

  it.each([
    ["an unclassified field", `type Query { a: String }`, "water: Query.a: has no @share: unclassified, so it is denied to every other unit"],
    ["NOT_SHARED without a basis (Art. 18)", `type Query { a: String @share(class: NOT_SHARED) }`, "water: Query.a: @share NOT_SHARED needs a basis (Art. 18)"],
    [
      "CONDITIONAL without conditions (Art. 15, 17)",
      `type Query { a: String @share(class: CONDITIONAL, conditions: { mask: PARTIAL }) }`,
      "water: Query.a: @share CONDITIONAL needs conditions: a scope, or approval: true (Art. 15, 17)",
    ],
    [
      "a mask on a number",
      `type Query { a: Int @share(class: CONDITIONAL, conditions: { scope: ["soil"], mask: PARTIAL }, basis: "b") }`,
      "water: Query.a: mask: PARTIAL on a field that is not text: its value could only be withheld",
    ],
  ])("reports %s", (_name, body, line) => {
    expect(lintSubgraphs([sub("water", body)])).toEqual([line]);
  });

  it("applies a type-level @share to the type's fields", () => {
    expect(lintSubgraphs([sub("water", `type Query @share(class: UNCONDITIONAL) { a: String b: Int }`)])).toEqual([]);
  });

  it("reports a share definition that drifted from the spec's", () => {
    const drifted = SHARE_DEFINITIONS_SDL.replace("scope: [String!]", "scope: [String]");
    expect(lintSubgraphs([sub("water", `type Query { a: String @share(class: UNCONDITIONAL) }`, COMPOSED, drifted)])).toEqual([
      "water: ShareConditions: differs from the spec's definition (ship it from directives/share/definition.ts)",
    ]);
  });

  it("reports enums and arguments that differ between subgraphs", () => {
    const a = sub("water", `enum Level { LOW HIGH } type Query { a(first: Int): Level @share(class: UNCONDITIONAL) }`);
    const b = sub("soil", `enum Level { LOW } type Query { b: Level @share(class: UNCONDITIONAL) }\ntype T @key(fields: "id") { id: ID! @share(class: UNCONDITIONAL) f(x: String): Int @share(class: UNCONDITIONAL) }`);
    const c = sub("air", `type T @key(fields: "id") { id: ID! @share(class: UNCONDITIONAL) f(x: Int): Int @shareable @share(class: UNCONDITIONAL) }`);
    expect(lintSubgraphs([a, b, c])).toEqual([
      "enum Level: defined differently in water and soil (composition merges them silently)",
      "T.f(…): defined differently in soil and air (composition merges them silently)",
    ]);
  });
});
