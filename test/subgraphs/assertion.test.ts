import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestAssertion } from "../../gateway/identity/assertion.js";
import { loadOrCreatePlatformKey, type PlatformKey } from "../../gateway/identity/platform-key.js";
import { signToken } from "../../gateway/identity/token.js";
import { ASSERTION_HEADER } from "../../schema/request-assertion.js";
import { infoCenter } from "../../subgraphs/info-center/index.js";
import { postGraphQL } from "../helpers/graphql-client.js";
import { tempDir } from "../helpers/temp-dir.js";
import { startUnit, type UnitUnderTest } from "../helpers/unit-server.js";

// Units verify the gateway's signed assertion before they read anything in it.
const dir = tempDir("assertion");
const otherDir = tempDir("assertion-other");
let key: PlatformKey;
let foreignKey: PlatformKey;
let unit: UnitUnderTest;
beforeAll(async () => {
  key = await loadOrCreatePlatformKey(dir.path);
  foreignKey = await loadOrCreatePlatformKey(otherDir.path);
  unit = await startUnit(infoCenter, key);
});
afterAll(async () => {
  await unit?.stop();
  dir.remove();
  otherDir.remove();
});

const context = { requestId: "r-1", requester: { unit: "water", principal: "w", roles: [] }, purpose: null, client: { name: null, version: null } };
const ask = (assertion: string) => postGraphQL(unit.running.url, `{ divisions { code } }`, {}, { [ASSERTION_HEADER]: assertion });

describe("a unit and the gateway's assertion", () => {
  it("serves a request the gateway signed", async () => {
    const res = await ask(await requestAssertion(key, { ...context }));
    expect(res.status).toBe(200);
    expect((res.body.data!["divisions"] as unknown[]).length).toBe(31);
  });

  it("serves nothing to a caller without an assertion, whatever headers it invents", async () => {
    const res = await postGraphQL(unit.running.url, `{ divisions { code } }`, {}, { "x-unit": "info-center", "x-roles": "security", "x-ecofed-unit": "gateway" });
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0]?.extensions?.["code"]).toBe("UNAUTHENTICATED");
    expect(res.body.data).toBeUndefined();
  });

  it.each([
    ["signed by another platform's key", async () => requestAssertion(foreignKey, { ...context })],
    ["a user token presented as an assertion", async () => signToken(key, context.requester)],
    ["tampered", async () => {
      const [h, p, s] = (await requestAssertion(key, { ...context })).split(".");
      const payload = JSON.parse(Buffer.from(p!, "base64url").toString()) as Record<string, unknown>;
      return `${h}.${Buffer.from(JSON.stringify({ ...payload, unit: "enforcement" })).toString("base64url")}.${s}`;
    }],
    ["with alg none", async () => {
      const [, p] = (await requestAssertion(key, { ...context })).split(".");
      return `${Buffer.from(JSON.stringify({ alg: "none", typ: "ecofed-assertion+jwt" })).toString("base64url")}.${p}.`;
    }],
  ])("refuses an assertion %s with 401", async (_name, make) => {
    const res = await ask(await make());
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0]?.extensions?.["code"]).toBe("UNAUTHENTICATED");
    expect(res.body.data).toBeUndefined();
  });
});
