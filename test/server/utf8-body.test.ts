import { describe, expect, it } from "vitest";
import { utf8Body } from "../../server/utf8-body.js";

// The server writes bodies through utf8Body: its bytes must be exactly Node's own encoding.
describe("utf8Body", () => {
  it.each([
    ["empty", ""],
    ["ASCII JSON", '{"data":{"a":1}}\n'],
    ["Chinese text (3 bytes a character)", '{"name":"北京某某环保科技有限公司"}'],
    ["astral characters (4 bytes from two UTF-16 units)", "😀𠀋a"],
    ["a lone surrogate (replaced, as Node does)", "a\ud800b"],
    ["a long mixed answer", `{"errors":[${Array.from({ length: 2000 }, (_, i) => `{"message":"企业 ${i} denied"}`).join(",")}]}`],
  ])("%s", (_name, text) => {
    expect(utf8Body(text).equals(Buffer.from(text, "utf8"))).toBe(true);
  });

  it("beyond the preallocation limit, still exact", () => {
    const text = "张".repeat(4 * 1024 * 1024 + 1);
    const body = utf8Body(text);
    expect(body.length).toBe(3 * text.length);
    expect(body.equals(Buffer.from(text, "utf8"))).toBe(true);
  });
});
