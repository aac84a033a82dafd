import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import type { DecisionReason } from "../../directives/share/evaluate.js";
import { DenialNotice, formatGatewayError, shareDeniedError } from "../../gateway/enforcement/share-error.js";
import { JSON_TEXT } from "../../server/json-pieces.js";

// A denial occurrence reaches the answer as a FormattedDenial whose JSON text is assembled
// from its notice's cached parts: it must be exactly the JSON any serializer would write.

const notice = (reason: DecisionReason, coordinate = "Inspection.informant", owner = "enforcement"): DenialNotice =>
  new DenialNotice({ coordinate, owner, shareClass: reason === "UNCLASSIFIED" ? null : "CONDITIONAL", decision: { decision: "DENIED", reason, grantId: null } });

describe("SHARE_DENIED errors", () => {
  it.each<[string, DenialNotice, (string | number)[]]>([
    ["a leaf in list items", notice("OUT_OF_SCOPE"), ["enterprises", "nodes", 12, "inspections", 0, "informant"]],
    ["a root field", notice("NOT_SHARED", "Query.nuclearFacilities", "ecology"), ["nuclearFacilities"]],
    ["an unclassified field, aliased, with quotes and CJK in its key", notice("UNCLASSIFIED", 'T."名"', "x\\y"), ['a"lias', "名称", 0]],
    ["a suspension", notice("SUSPENDED"), ["a", 1]],
  ])("%s: the formatted error's JSON text is JSON.stringify of the GraphQL error", (_name, n, path) => {
    const error = shareDeniedError(n, path);
    expect(error).toBeInstanceOf(GraphQLError);
    const formatted = formatGatewayError({ message: "ignored" }, error) as unknown as { [JSON_TEXT](): string };
    const text = formatted[JSON_TEXT]();
    expect(text).toBe(JSON.stringify(formatted));
    expect(text).toBe(JSON.stringify(error));
    expect(JSON.parse(text)).toEqual({ message: n.message, path, extensions: { code: "SHARE_DENIED", share: expect.objectContaining({ coordinate: expect.any(String) }) } });
  });

  it("shares one frozen extensions object among a denial's occurrences, so its cached text cannot go stale", () => {
    const n = notice("OUT_OF_SCOPE");
    const a = shareDeniedError(n, ["a"]);
    const b = shareDeniedError(n, ["b"]);
    expect(a.extensions).toBe(b.extensions);
    expect(Object.isFrozen(a.extensions)).toBe(true);
    expect(Object.isFrozen(a.extensions["share"])).toBe(true);
    expect(() => {
      (a.extensions["share"] as Record<string, unknown>)["reason"] = "ALLOWED";
    }).toThrow(TypeError);
  });

  it("leaves every other error to the masking all ecofed servers apply", () => {
    const coded = { message: "no", extensions: { code: "FORBIDDEN" } };
    expect(formatGatewayError(coded, new GraphQLError("no"))).toBe(coded);
    const internal = { message: "secret detail", extensions: { code: "INTERNAL_SERVER_ERROR" } };
    const quiet = console.error;
    console.error = () => undefined;
    try {
      expect(formatGatewayError(internal, new Error("secret detail"))).toEqual({ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } });
    } finally {
      console.error = quiet;
    }
  });
});
