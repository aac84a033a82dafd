import { describe, expect, it } from "vitest";
import { composeSupergraph } from "../../schema/compose.js";
import { buildUnitSubgraph } from "../../subgraphs/_kit/build-subgraph.js";
import { loadUnits } from "../../subgraphs/registry.js";

const FED = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])`;

describe("composition", () => {
  it("composes every unit's subgraph into one supergraph", async () => {
    const sources = await Promise.all(
      (await loadUnits()).map(async (u) => ({ name: u.code, url: `http://127.0.0.1/${u.code}`, sdl: (await buildUnitSubgraph(u)).sdl })),
    );
    const result = composeSupergraph(sources);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it("lists every composition error, one line each", () => {
    const result = composeSupergraph([
      { name: "a", url: "http://a", sdl: `${FED}\ntype Query { x: Int }\ntype T @key(fields: "id") { id: ID! v: Int }` },
      { name: "b", url: "http://b", sdl: `${FED}\ntype Query { y: Int }\ntype T @key(fields: "id") { id: ID! v: String }` },
      { name: "c", url: "http://c", sdl: `type Query { z: ` },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([expect.stringMatching(/^c: Syntax Error/)]);
    const second = composeSupergraph([
      { name: "a", url: "http://a", sdl: `${FED}\ntype Query { x: Int }\ntype T @key(fields: "id") { id: ID! v: Int }` },
      { name: "b", url: "http://b", sdl: `${FED}\ntype Query { y: Int }\ntype T @key(fields: "id") { id: ID! v: String }` },
    ]);
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.errors.length).toBeGreaterThan(0);
    expect(second.errors.every((e) => !e.includes("\n") && /^[A-Z_]+: /.test(e))).toBe(true);
    expect(second.errors.join(" ")).toContain('"T.v"');
  });
});
