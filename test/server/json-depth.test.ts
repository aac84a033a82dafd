import { describe, expect, it } from "vitest";
import { jsonDepthExceeds, MAX_JSON_DEPTH } from "../../server/json-depth.js";

// A request's JSON is refused past MAX_JSON_DEPTH levels, measured without recursion.
const arrays = (levels: number): unknown => JSON.parse(`${"[".repeat(levels)}${"]".repeat(levels)}`);
const objects = (levels: number): unknown => JSON.parse(`${'{"a":'.repeat(levels)}1${"}".repeat(levels)}`);

describe("jsonDepthExceeds", () => {
  it.each([
    ["a scalar", 5, false],
    ["null", null, false],
    ["an ordinary body", { query: "{ a }", variables: { filter: { unit: "water", from: "2025-01-01" }, ids: ["1", "2"] } }, false],
    [`${MAX_JSON_DEPTH} levels of arrays`, arrays(MAX_JSON_DEPTH), false],
    [`${MAX_JSON_DEPTH + 1} levels of arrays`, arrays(MAX_JSON_DEPTH + 1), true],
    [`${MAX_JSON_DEPTH + 1} levels of objects`, objects(MAX_JSON_DEPTH + 1), true],
  ])("%s: %s", (_name, value, expected) => {
    expect(jsonDepthExceeds(value)).toBe(expected);
  });

  it("measures 100,000 levels (which overflow any recursive walk) without overflowing itself", () => {
    expect(jsonDepthExceeds(arrays(100_000))).toBe(true);
    expect(jsonDepthExceeds({ variables: { d: objects(100_000) } })).toBe(true);
  });
});
