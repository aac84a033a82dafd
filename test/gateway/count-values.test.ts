import { describe, expect, it } from "vitest";
import { compileServedPaths, countServedValues } from "../../gateway/audit/count-values.js";

// The audit's value_count: non-null values served per coordinate, through lists and aliases.
const paths = compileServedPaths(new Map([
  ["enterprises", "Query.enterprises\0registry"],
  ["enterprises.nodes", "EnterpriseConnection.nodes\0registry"],
  ["enterprises.nodes.name", "Enterprise.name\0registry"],
  ["enterprises.nodes.inspections", "Enterprise.inspections\0enforcement"],
  ["enterprises.nodes.inspections.date", "Inspection.date\0enforcement"],
  ["enterprises.nodes.alias", "Enterprise.name\0registry"],
  ["enterprises.nodes.constructor", "Enterprise.constructor\0registry"],
]));

describe("countServedValues", () => {
  it.each([
    ["no data", null, {}],
    ["a null root", { enterprises: null }, {}],
    [
      "lists of objects, nested lists, nulls, aliases to one coordinate, unmapped keys",
      {
        enterprises: {
          __typename: "EnterpriseConnection",
          nodes: [
            { name: "甲", alias: "甲", inspections: [{ date: "2026-01-01", informant: "x" }, { date: null }], unasked: "y" },
            { name: null, inspections: null },
            { name: "乙", inspections: [] },
          ],
        },
      },
      {
        "Query.enterprises\0registry": 1,
        "EnterpriseConnection.nodes\0registry": 1,
        "Enterprise.name\0registry": 3,
        "Enterprise.inspections\0enforcement": 2,
        "Inspection.date\0enforcement": 1,
      },
    ],
    // A key the response does not carry (skipped) is not found on the object's prototype.
    ["a field absent from the answer", { enterprises: { nodes: [{}] } }, { "Query.enterprises\0registry": 1, "EnterpriseConnection.nodes\0registry": 1 }],
  ])("%s", (_name, data, expected) => {
    expect(Object.fromEntries(countServedValues(data, paths))).toEqual(expected);
  });
});
