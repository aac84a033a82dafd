import { describe, expect, it } from "vitest";
import { DEMO_UNIT_CODES, KnownUnits } from "../../domain/known-units.js";
import { UNIT_CODES } from "../../subgraphs/registry.js";

describe("the units a credential may name (issue 13)", () => {
  it("the demo registry is exactly the units npm start serves", () => {
    expect([...DEMO_UNIT_CODES]).toEqual([...UNIT_CODES]);
  });

  const known = new KnownUnits([...DEMO_UNIT_CODES, "platform"]).with(["forestry"]);
  it.each([
    ["water", null],
    ["forestry", null],
    ["ext:mnr", null],
    ["platform", /platform itself/],
    ["nonexistent-unit", /unknown unit "nonexistent-unit"; known units: .*info-center/],
    ["Water", /must be a unit code/],
    ["", /must be a unit code/],
  ])("%s → %s", (unit, problem) => {
    const found = known.problem(unit);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(problem);
  });
});
