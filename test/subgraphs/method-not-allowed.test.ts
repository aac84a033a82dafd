import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { infoCenter } from "../../subgraphs/info-center/index.js";
import { startUnit, type UnitUnderTest } from "../helpers/unit-server.js";

// RFC 9110 §15.5.6: a 405 names the methods that are allowed. A unit runs only POSTed
// operations (issue 13), so that is the one it names.
let unit: UnitUnderTest;
beforeAll(async () => {
  unit = await startUnit(infoCenter);
});
afterAll(() => unit?.stop());

describe("a unit asked with another method than POST", () => {
  it.each(["GET", "PUT", "DELETE", "PATCH"])("answers %s with 405 METHOD_NOT_ALLOWED and Allow: POST", async (method) => {
    const res = await fetch(`${unit.running.url}`, { method, headers: { "content-type": "application/json" }, ...(method === "GET" ? {} : { body: JSON.stringify({ query: "{ divisions { code } }" }) }) });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
    const body = (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(["METHOD_NOT_ALLOWED"]);
    expect(body.data).toBeUndefined();
  });
});
