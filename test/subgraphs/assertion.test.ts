import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestAssertion } from "../../gateway/identity/assertion.js";
import { loadOrCreatePlatformKey, retirePlatformKey, rotatePlatformKey, type PlatformKey } from "../../gateway/identity/platform-key.js";
import { signToken } from "../../gateway/identity/token.js";
import { ASSERTION_AUDIENCE, ASSERTION_HEADER, ASSERTION_ISSUER, ASSERTION_TYPE } from "../../schema/request-assertion.js";
import { infoCenter } from "../../subgraphs/info-center/index.js";
import { PlatformPublicKeys } from "../../subgraphs/_kit/platform-public-keys.js";
import { demoEnterprises } from "../../demo/enterprises.js";
import { postGraphQL, type GraphQLResponse } from "../helpers/graphql-client.js";
import { tempDir } from "../helpers/temp-dir.js";
import { startUnit, type UnitUnderTest } from "../helpers/unit-server.js";

// Units verify the gateway's signed, single-use assertion before they read anything in it,
// and resolve only the coordinates it names (issue 5).
const dir = tempDir("assertion");
const otherDir = tempDir("assertion-other");
let key: PlatformKey;
let foreignKey: PlatformKey;
let unit: UnitUnderTest;
beforeAll(async () => {
  key = await loadOrCreatePlatformKey(dir.path);
  foreignKey = await loadOrCreatePlatformKey(otherDir.path);
  // As a unit process does: the public keyring from the data dir, re-read when it changes.
  unit = await startUnit(infoCenter, new PlatformPublicKeys(dir.path));
});
afterAll(async () => {
  await unit?.stop();
  dir.remove();
  otherDir.remove();
});

const context = { requestId: "r-1", requester: { unit: "water", principal: "w", roles: [] }, purpose: null, client: { name: null, version: null } };
const DIVISIONS = `{ divisions { code } }`;
const DIVISION_COORDINATES = ["Query.divisions", "AdministrativeDivision.code"];
const creditCode = demoEnterprises()[0]!.creditCode;

const ask = (assertion: string, query = DIVISIONS): Promise<GraphQLResponse> =>
  postGraphQL(unit.running.url, query, {}, { [ASSERTION_HEADER]: assertion });
const signed = (signingKey = key, coordinates = DIVISION_COORDINATES): Promise<string> => requestAssertion(signingKey, { ...context }, coordinates);

function expectRefused(res: GraphQLResponse, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(res.body.errors?.[0]?.extensions?.["code"]).toBe(code);
  expect(res.body.data).toBeUndefined();
}

/** An assertion with chosen times, signed with the platform key: what the gateway would never send. */
async function assertionAt(iat: number, exp: number): Promise<string> {
  return new SignJWT({ rid: "r-x", unit: "water", roles: [], purpose: null, coords: DIVISION_COORDINATES })
    .setProtectedHeader({ alg: "ES256", kid: key.kid, typ: ASSERTION_TYPE })
    .setIssuer(ASSERTION_ISSUER)
    .setAudience(ASSERTION_AUDIENCE)
    .setSubject("w")
    .setJti(crypto.randomUUID())
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(key.privateKey);
}

describe("a unit and the gateway's assertion", () => {
  it("serves a request the gateway signed for the coordinates it reads", async () => {
    const res = await ask(await signed());
    expect(res.status).toBe(200);
    expect((res.body.data!["divisions"] as unknown[]).length).toBe(31);
  });

  it("serves nothing to a caller without an assertion, whatever headers it invents", async () => {
    const res = await postGraphQL(unit.running.url, DIVISIONS, {}, { "x-unit": "info-center", "x-roles": "security", "x-ecofed-unit": "gateway" });
    expectRefused(res, 401, "UNAUTHENTICATED");
  });

  const now = (): number => Math.floor(Date.now() / 1000);
  it.each([
    ["signed by another platform's key", () => signed(foreignKey)],
    ["a user token presented as an assertion", () => signToken(key, context.requester)],
    ["tampered", async () => {
      const [h, p, s] = (await signed()).split(".");
      const payload = JSON.parse(Buffer.from(p!, "base64url").toString()) as Record<string, unknown>;
      return `${h}.${Buffer.from(JSON.stringify({ ...payload, unit: "enforcement" })).toString("base64url")}.${s}`;
    }],
    ["whose coordinates were widened after signing", async () => {
      const [h, p, s] = (await signed()).split(".");
      const payload = JSON.parse(Buffer.from(p!, "base64url").toString()) as Record<string, unknown>;
      return `${h}.${Buffer.from(JSON.stringify({ ...payload, coords: [...DIVISION_COORDINATES, "Enterprise.legalRepresentative"] })).toString("base64url")}.${s}`;
    }],
    ["with alg none", async () => {
      const [, p] = (await signed()).split(".");
      return `${Buffer.from(JSON.stringify({ alg: "none", typ: ASSERTION_TYPE })).toString("base64url")}.${p}.`;
    }],
    ["that expired", () => assertionAt(now() - 120, now() - 60)],
    ["that lives longer than the gateway ever grants", () => assertionAt(now(), now() + 3600)],
    ["issued in the future", () => assertionAt(now() + 600, now() + 630)],
  ])("refuses an assertion %s with 401", async (_name, make) => {
    expectRefused(await ask(await make()), 401, "UNAUTHENTICATED");
  });

  it("refuses a replayed assertion: each is good for one request", async () => {
    const assertion = await signed();
    expect((await ask(assertion)).status).toBe(200);
    const replay = await ask(assertion);
    expectRefused(replay, 401, "UNAUTHENTICATED");
    expect(replay.body.errors?.[0]?.message).toMatch(/replayed/);
  });

  it.each([
    ["another root field", `{ enterprise(creditCode: "${creditCode}") { legalRepresentative } }`],
    ["one more field of the same type", `{ divisions { code name } }`],
    ["a field reached through _entities", `{ _entities(representations: [{ __typename: "Enterprise", creditCode: "${creditCode}" }]) { ... on Enterprise { legalRepresentative } } }`],
    ["a field hidden in a named fragment", `query { divisions { ...D } } fragment D on AdministrativeDivision { code name }`],
  ])("an assertion for some coordinates cannot fetch %s (403)", async (_name, query) => {
    const res = await ask(await signed(), query);
    expectRefused(res, 403, "FORBIDDEN");
    expect(JSON.stringify(res.body)).not.toMatch(/legalRepresentative":"|"name":"/);
  });

  it("refuses a request with no operation text to check (a persisted-query hash)", async () => {
    const res = await fetch(unit.running.url, {
      method: "POST",
      headers: { "content-type": "application/json", [ASSERTION_HEADER]: await signed() },
      body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } }),
    });
    expect(res.status).toBe(403);
  });

  it("follows a key rotation without a restart; a retired key's assertions are refused", async () => {
    const oldKey = key;
    await rotatePlatformKey(dir.path);
    const newKey = await loadOrCreatePlatformKey(dir.path);
    expect(newKey.kid).not.toBe(oldKey.kid);
    expect((await ask(await signed(newKey))).status).toBe(200);
    // Until retired, the previous key still verifies (requests in flight during a rotation).
    expect((await ask(await signed(oldKey))).status).toBe(200);
    retirePlatformKey(dir.path, oldKey.kid);
    expectRefused(await ask(await signed(oldKey)), 401, "UNAUTHENTICATED");
    expect((await ask(await signed(newKey))).status).toBe(200);
    key = newKey;
  });
});
