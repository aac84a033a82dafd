import { describe, expect, it } from "vitest";
import { creditCodeProblem, makeCreditCode } from "../domain/credit-code.js";
import { demoEnterprises, DEMO_ENTERPRISE_COUNT } from "../demo/enterprises.js";
import { PROVINCE_DIVISIONS } from "../domain/divisions.js";

describe("GB 32100 credit codes", () => {
  it.each([
    // Published codes of real organisations (check characters computed by their registrars).
    ["91350100M000100Y43", null],
    ["91110000100000000X", "check character does not match (GB 32100)"],
    ["9111000010000000", "must be 18 characters, got 16"],
    ["91110000I00000000X", "has characters outside GB 32100 (digits and A–Y without I, O, S, V, Z)"],
  ])("%s → %s", (code, problem) => {
    expect(creditCodeProblem(code)).toBe(problem);
  });

  it("makes codes that validate", () => {
    expect(creditCodeProblem(makeCreditCode("320506", "12345678"))).toBeNull();
  });
});

describe("the demo universe", () => {
  it("is deterministic, valid and large enough (CONTRACT §5)", () => {
    const all = demoEnterprises();
    expect(all).toHaveLength(DEMO_ENTERPRISE_COUNT);
    expect(all.length).toBeGreaterThanOrEqual(5_000);
    expect(new Set(all.map((e) => e.creditCode)).size).toBe(all.length);
    expect(all.every((e) => creditCodeProblem(e.creditCode) === null)).toBe(true);
    expect(all.filter((e) => e.inspected).length).toBeGreaterThanOrEqual(all.length / 4);
    expect(new Set(all.map((e) => e.province.code)).size).toBe(PROVINCE_DIVISIONS.length);
    // Fixed seed: the first code is the same on every machine and every run.
    expect(all[0]!.creditCode).toMatchInlineSnapshot(`"91110101227415657B"`);
  });
});
