import { describe, expect, it } from "vitest";
import { deferStringify, redeemDeferred } from "../../server/deferred-results.js";
import { JSON_TEXT, jsonPieces } from "../../server/json-pieces.js";

// An answer written in pieces must be byte for byte what Apollo's own stringify would send.

const expected = (value: unknown): Buffer => Buffer.from(`${JSON.stringify(value)}\n`, "utf8");
const written = (value: unknown): Buffer => {
  const { chunks, bytes } = jsonPieces(value);
  const all = Buffer.concat(chunks);
  expect(all.length).toBe(bytes);
  return all;
};

const long = <T>(n: number, item: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => item(i));
const nullProto = Object.assign(Object.create(null) as Record<string, unknown>, { a: 1, b: [long(20, (i) => i)] });
let getterCalls = 0;
const withGetter = { get once() { getterCalls++; return long(20, (i) => `g${i}`); } };

describe("jsonPieces", () => {
  it.each<[string, unknown]>([
    ["an empty object", {}],
    ["an answer with errors first and nested data", { errors: long(40, (i) => ({ message: `m${i}`, path: ["a", i], extensions: { code: "SHARE_DENIED" } })), data: { a: { nodes: long(30, (i) => ({ id: i, name: `名${i}` })) } } }],
    ["members that JSON drops, and array items it writes as null", { u: undefined, f: () => 1, s: Symbol("x"), list: long(20, (i) => [undefined, () => 1, Symbol("y"), i][i % 4]) }],
    ["toJSON on the spine and in items (dates, custom)", { when: new Date(0), custom: { toJSON: () => ({ replaced: long(20, (i) => i) }) }, items: long(20, (i) => new Date(i * 1000)) }],
    ["an array with its own toJSON", { list: Object.assign(long(20, (i) => i), { toJSON: () => "whole" }) }],
    ["boxed primitives, a Map, a null-prototype object", { boxed: [new String("ab"), new Number(3), new Boolean(false)], map: new Map([[1, 2]]), nullProto }],
    ["integer-like keys, which come first", { b: 1, 2: "two", a: 3, 1: "one" }],
    ["CJK, astral, lone surrogates and escapes", { text: long(20, (i) => `北京${i} 😀 \ud800 "q" \\ \n \u0001`) }],
    ["short arrays, nested long arrays, empty arrays", { short: [1, 2, 3], nested: long(17, (i) => long(17, (j) => i * j)), empty: [] }],
    ["pieces longer than a chunk", { big: long(50, (i) => "x".repeat(3_000 + i)), cjk: long(20, (i) => "中".repeat(9_000 + i)) }],
    ["a top-level array, string, number, null", long(30, (i) => ({ i }))],
    ["a string", "plain"],
    ["a number", 42],
    ["null", null],
    ["undefined", undefined],
  ])("writes %s exactly as JSON.stringify", (_name, value) => {
    expect(written(value).equals(expected(value))).toBe(true);
  });

  it("writes the items of a long array that know their JSON text with that text, in order among the others", () => {
    let calls = 0;
    class Known {
      constructor(readonly n: number) {}
      [JSON_TEXT](): string {
        calls++;
        return JSON.stringify({ n: this.n });
      }
    }
    const errors = [...long(5, (i) => ({ plain: i })), ...long(30, (i) => new Known(i)), { plain: "between" }, new Known(99)];
    const value = { errors, short: [new Known(1)], data: long(20, (i) => i) };
    expect(written(value).equals(expected(value))).toBe(true);
    // The 31 in the long array; the one in a short array is stringified with it.
    expect(calls).toBe(31);
    // Its text is what is written, not a stringify of it (so a wrong text would show).
    class Lying {
      [JSON_TEXT](): string {
        return '"told"';
      }
    }
    expect(written(long(20, () => new Lying())).toString()).toBe(`[${long(20, () => '"told"').join(",")}]\n`);
  });

  it("reads each getter once, as JSON.stringify does", () => {
    getterCalls = 0;
    const bytes = written(withGetter);
    expect(getterCalls).toBe(1);
    getterCalls = 0;
    expect(bytes.equals(expected(withGetter))).toBe(true);
  });

  it("throws where JSON.stringify throws (BigInt, cycles)", () => {
    expect(() => jsonPieces({ n: long(20, () => 1n) })).toThrow(TypeError);
    const cycle: Record<string, unknown> = { list: [] };
    (cycle["list"] as unknown[]).push(...long(20, () => cycle));
    expect(() => jsonPieces(cycle)).toThrow(TypeError);
  });
});

describe("deferred results", () => {
  it("hands a result over once, and leaves ordinary bodies alone", () => {
    const result = { data: { ok: true } };
    const ticket = deferStringify(result);
    expect(redeemDeferred("{\"data\":null}\n")).toBeUndefined();
    expect(redeemDeferred(ticket)).toEqual({ result });
    expect(() => redeemDeferred(ticket)).toThrow(/already written/);
  });
});
