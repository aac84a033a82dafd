import { GraphQLError } from "graphql";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { maskUnexpectedErrors } from "../../server/format-error.js";

// What every ecofed server answers for an error Apollo formatted as INTERNAL_SERVER_ERROR
// (it had no code): masked when it is ours, coded when it is the client's.
const formatted = (error: GraphQLError) => ({ ...error.toJSON(), extensions: { ...error.extensions, code: error.extensions["code"] ?? "INTERNAL_SERVER_ERROR" } });

describe("maskUnexpectedErrors", () => {
  // What is masked is logged for the operator; not here.
  beforeEach(() => void vi.spyOn(console, "error").mockImplementation(() => undefined));
  afterEach(() => vi.restoreAllMocks());

  it.each([
    ["a persisted query whose sha256Hash is not its text's", "provided sha does not match query"],
    ["an unsupported persisted-query version", "Unsupported persisted query version"],
  ])("codes Apollo's own HTTP 400 refusal without a code as BAD_REQUEST: %s (found by the fuzz)", (_name, message) => {
    const error = new GraphQLError(message, { extensions: { http: { status: 400 } } });
    expect(maskUnexpectedErrors(formatted(error), error)).toEqual({ message, extensions: { code: "BAD_REQUEST" } });
  });

  it("still masks a resolver's error, whatever HTTP status it names", () => {
    const error = new GraphQLError("SQLITE_CORRUPT at /data/x.sqlite", { path: ["a"], extensions: { http: { status: 400 } } });
    expect(maskUnexpectedErrors(formatted(error), error)).toEqual({ message: "Internal server error", path: ["a"], extensions: { code: "INTERNAL_SERVER_ERROR" } });
  });

  it("still masks an uncoded error that names no client status", () => {
    const error = new GraphQLError("Cannot read properties of undefined");
    expect(maskUnexpectedErrors(formatted(error), error)).toEqual({ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } });
  });
});
