import fc from "fast-check";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformAssertion, requestAssertion, type SignedFetch } from "../../gateway/identity/assertion.js";
import { loadOrCreatePlatformKey, retirePlatformKey, rotatePlatformKey, type PlatformKey } from "../../gateway/identity/platform-key.js";
import { signToken } from "../../gateway/identity/token.js";
import { requestDigest, type ExactRequest } from "../../schema/exact-request.js";
import { assertionAudience, ASSERTION_HEADER, ASSERTION_ISSUER, ASSERTION_TYPE } from "../../schema/request-assertion.js";
import { infoCenter } from "../../subgraphs/info-center/index.js";
import { PlatformPublicKeys } from "../../subgraphs/_kit/platform-public-keys.js";
import { demoEnterprises } from "../../demo/enterprises.js";
import { postGraphQL, type GraphQLResponse } from "../helpers/graphql-client.js";
import { tempDir } from "../helpers/temp-dir.js";
import { startUnit, type UnitUnderTest } from "../helpers/unit-server.js";

// Units verify the gateway's signed, single-use assertion before they read anything in it,
// run only the exact request it was signed for, resolve only the coordinates it names
// (issue 5) and mask at the source what it marks MASKED (issue 13). Real unit servers over
// real HTTP; every refusal must carry no data.
const dir = tempDir("assertion");
const otherDir = tempDir("assertion-other");
let key: PlatformKey;
let foreignKey: PlatformKey;
let unit: UnitUnderTest;
beforeAll(async () => {
  key = await loadOrCreatePlatformKey(dir.path);
  foreignKey = await loadOrCreatePlatformKey(otherDir.path);
  // As a unit process does: the public keyring from the data dir, re-read when it changes.
  unit = await startUnit(infoCenter, new PlatformPublicKeys(dir.path), dir.path);
});
afterAll(async () => {
  await unit?.running.close();
  dir.remove();
  otherDir.remove();
});

const context = { requestId: "r-1", requester: { unit: "water", principal: "w", roles: [] }, purpose: "WORK_REFERENCE" as const };
const DIVISIONS: ExactRequest = { query: `{ divisions { code } }`, variables: {} };
const DIVISION_COORDINATES = ["Query.divisions", "AdministrativeDivision.code"];
const [first, second] = demoEnterprises();
const ENTERPRISE = `query One($c: ID!) { enterprise(creditCode: $c) { creditCode name legalRepresentative } }`;
const ENTERPRISE_COORDINATES = ["Query.enterprise", "Enterprise.creditCode", "Enterprise.name", "Enterprise.legalRepresentative"];
const enterpriseRequest = (creditCode = first!.creditCode): ExactRequest => ({ query: ENTERPRISE, variables: { c: creditCode }, operationName: "One" });

/** POSTs `request` as the gateway does, with `assertion`. */
const send = (assertion: string, request: ExactRequest = DIVISIONS): Promise<GraphQLResponse> =>
  postGraphQL(unit.running.url, request.query, (request.variables ?? {}) as Record<string, unknown>, { [ASSERTION_HEADER]: assertion }).then(
    (r) => r,
  );
async function sendExact(assertion: string, request: ExactRequest): Promise<Response> {
  return fetch(unit.running.url, {
    method: "POST",
    headers: { "content-type": "application/json", [ASSERTION_HEADER]: assertion },
    body: JSON.stringify(request),
  });
}
const forFetch = (fetch: Partial<SignedFetch> = {}): SignedFetch => ({ unit: "info-center", request: DIVISIONS, coordinates: DIVISION_COORDINATES, ...fetch });
const signed = (signingKey = key, fetch: Partial<SignedFetch> = {}): Promise<string> => requestAssertion(signingKey, context, forFetch(fetch));

function expectRefused(res: GraphQLResponse, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(res.body.errors?.[0]?.extensions?.["code"]).toBe(code);
  expect(res.body.data).toBeUndefined();
}

/** An assertion with chosen claims, signed with the platform key: what the gateway would never send. */
async function forged(claims: Record<string, unknown>, times: { iat?: number; exp?: number } = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    rid: "r-x",
    unit: "water",
    roles: [],
    purpose: null,
    req: requestDigest(DIVISIONS),
    coords: Object.fromEntries(DIVISION_COORDINATES.map((c) => [c, "ALLOWED"])),
    ...claims,
  })
    .setProtectedHeader({ alg: "ES256", kid: key.kid, typ: String(claims["typ"] ?? ASSERTION_TYPE) })
    .setIssuer(ASSERTION_ISSUER)
    .setAudience(String(claims["aud"] ?? assertionAudience("info-center")))
    .setSubject("w")
    .setJti(crypto.randomUUID())
    .setIssuedAt(times.iat ?? now)
    .setExpirationTime(times.exp ?? now + 60)
    .sign(key.privateKey);
}

describe("a unit and the gateway's assertion", () => {
  it("serves the exact request the gateway signed for the coordinates it reads", async () => {
    const res = await send(await signed());
    expect(res.status).toBe(200);
    expect((res.body.data!["divisions"] as unknown[]).length).toBe(31);
  });

  it("serves nothing to a caller without an assertion, whatever headers it invents", async () => {
    const res = await postGraphQL(unit.running.url, DIVISIONS.query, {}, { "x-unit": "info-center", "x-roles": "security", "x-ecofed-unit": "gateway" });
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
      const coords = { ...(payload["coords"] as object), "Enterprise.legalRepresentative": "ALLOWED" };
      return `${h}.${Buffer.from(JSON.stringify({ ...payload, coords })).toString("base64url")}.${s}`;
    }],
    ["with alg none", async () => {
      const [, p] = (await signed()).split(".");
      return `${Buffer.from(JSON.stringify({ alg: "none", typ: ASSERTION_TYPE })).toString("base64url")}.${p}.`;
    }],
    ["that expired", () => forged({}, { iat: now() - 120, exp: now() - 60 })],
    ["that lives longer than the gateway ever grants", () => forged({}, { iat: now(), exp: now() + 3600 })],
    ["issued in the future", () => forged({}, { iat: now() + 600, exp: now() + 630 })],
    ["for another unit (the audience of water)", () => signed(key, { unit: "water" })],
    ["of the old shared audience", () => forged({ aud: "ecofed-subgraph" })],
    ["of a user whose unit is the platform", () => forged({ unit: "platform" })],
    ["of a platform assertion naming a user's unit", () => forged({ typ: "ecofed-platform-assertion+jwt", unit: "water" })],
    ["naming a unit that is no unit code", () => forged({ unit: 42 })],
    ["with a role no one can hold", () => forged({ roles: ["root"] })],
    ["with an unknown purpose", () => forged({ purpose: "CURIOSITY" })],
    ["with coordinates as a list (the old form, which carried no decisions)", () => forged({ coords: DIVISION_COORDINATES })],
    ["with a decision a unit cannot enforce", () => forged({ coords: { "Query.divisions": "DENIED", "AdministrativeDivision.code": "ALLOWED" } })],
    ["without the digest of its request", () => forged({ req: undefined })],
  ])("refuses an assertion %s with 401", async (_name, make) => {
    expectRefused(await send(await make()), 401, "UNAUTHENTICATED");
  });

  it("refuses a replayed assertion, also after the unit restarts", async () => {
    const assertion = await signed();
    expect((await send(assertion)).status).toBe(200);
    const replay = await send(assertion);
    expectRefused(replay, 401, "UNAUTHENTICATED");
    expect(replay.body.errors?.[0]?.message).toMatch(/replayed/);
    // A restart over the same data dir remembers every nonce until its assertion expires.
    const used = await signed();
    expect((await send(used)).status).toBe(200);
    await unit.running.close();
    unit = await startUnit(infoCenter, new PlatformPublicKeys(dir.path), dir.path);
    expectRefused(await send(used), 401, "UNAUTHENTICATED");
    expectRefused(await send(assertion), 401, "UNAUTHENTICATED");
    expect((await send(await signed())).status).toBe(200);
  });
});

describe("a unit runs exactly the request its assertion was signed for", () => {
  const signedFor = (request: ExactRequest, coordinates = ENTERPRISE_COORDINATES): Promise<string> => signed(key, { request, coordinates });

  it("serves it", async () => {
    const res = await sendExact(await signedFor(enterpriseRequest()), enterpriseRequest());
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: { enterprise: { creditCode: string } } }).data.enterprise.creditCode).toBe(first!.creditCode);
  });

  it.each([
    ["another enterprise (the same text, another argument value)", enterpriseRequest(second!.creditCode)],
    ["another operation name", { ...enterpriseRequest(), operationName: null }],
    ["another text reading the same coordinates", { ...enterpriseRequest(), query: ENTERPRISE.replace("creditCode name", "name creditCode") }],
    ["an extra variable", { ...enterpriseRequest(), variables: { c: first!.creditCode, d: "x" } }],
  ])("refuses the same assertion with %s (401, no data)", async (_name, other) => {
    const res = await sendExact(await signedFor(enterpriseRequest()), other);
    expect(res.status).toBe(401);
    const text = await res.text();
    expect(text).not.toContain(second!.legalRepresentative);
    expect(text).not.toContain(first!.legalRepresentative);
  });

  it("GET runs nothing, whatever the URL's query and the body say (405)", async () => {
    const assertion = await signed();
    const url = `${unit.running.url}?query=${encodeURIComponent(`{ enterprise(creditCode: "${first!.creditCode}") { legalRepresentative } }`)}`;
    const res = await fetch(url, { headers: { [ASSERTION_HEADER]: assertion } });
    expect(res.status).toBe(405);
    expect(await res.text()).not.toContain(first!.legalRepresentative);
  });

  it.each([
    ["a query in the URL of a POST", async (a: string) => fetch(`${unit.running.url}?query=${encodeURIComponent(ENTERPRISE)}`, { method: "POST", headers: { "content-type": "application/json", [ASSERTION_HEADER]: a }, body: JSON.stringify(DIVISIONS) }), 400],
    ["a batch", async (a: string) => fetch(unit.running.url, { method: "POST", headers: { "content-type": "application/json", [ASSERTION_HEADER]: a }, body: JSON.stringify([DIVISIONS, enterpriseRequest()]) }), 400],
    ["a persisted-query hash", async (a: string) => fetch(unit.running.url, { method: "POST", headers: { "content-type": "application/json", [ASSERTION_HEADER]: a }, body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } }) }), 400],
    ["a persisted-query hash beside the signed text", async (a: string) => fetch(unit.running.url, { method: "POST", headers: { "content-type": "application/json", [ASSERTION_HEADER]: a }, body: JSON.stringify({ ...DIVISIONS, extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } }) }), 400],
    ["a form body", async (a: string) => fetch(unit.running.url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", [ASSERTION_HEADER]: a }, body: `query=${encodeURIComponent(DIVISIONS.query)}` }), 415],
    ["a PUT", async (a: string) => fetch(unit.running.url, { method: "PUT", headers: { "content-type": "application/json", [ASSERTION_HEADER]: a }, body: JSON.stringify(DIVISIONS) }), 405],
  ])("refuses %s", async (_name, make, status) => {
    const res = await make(await signed());
    expect(res.status).toBe(status);
    const body = (await res.json()) as GraphQLResponse["body"];
    expect(body.data).toBeUndefined();
    expect(typeof body.errors?.[0]?.extensions?.["code"]).toBe("string");
  });

  it("an assertion naming fewer coordinates than its request reads gets 403", async () => {
    const res = await sendExact(await signedFor(enterpriseRequest(), ["Query.enterprise", "Enterprise.creditCode"]), enterpriseRequest());
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain(first!.legalRepresentative);
  });

  it("masks at the source: a MASKED coordinate's clear value never leaves the unit", async () => {
    const assertion = await signed(key, { request: enterpriseRequest(), coordinates: ENTERPRISE_COORDINATES, masked: new Set(["Enterprise.legalRepresentative"]) });
    const res = await sendExact(assertion, enterpriseRequest());
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain(first!.legalRepresentative);
    const masked = (JSON.parse(text) as { data: { enterprise: { legalRepresentative: string; name: string } } }).data.enterprise;
    expect(masked.legalRepresentative).toBe(`${[...first!.legalRepresentative][0]}${"*".repeat([...first!.legalRepresentative].length - 1)}`);
    expect(masked.name).toBe(first!.name);
  });

  it("refuses to serve a coordinate masked that it cannot mask (fail closed, 403)", async () => {
    const assertion = await signed(key, { request: enterpriseRequest(), coordinates: ENTERPRISE_COORDINATES, masked: new Set(["Enterprise.name"]) });
    const res = await sendExact(assertion, enterpriseRequest());
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain(first!.name);
  });

  it.each([
    ["a string", "91110101227415657B"],
    ["an array", [1]],
    ["an object without __typename", { creditCode: "x" }],
    ["an object naming no type of the unit", { __typename: "Nope", creditCode: "x" }],
    ["an object naming a type of the unit that is no entity", { __typename: "PageInfo" }],
    ["an object whose __typename is not a string", { __typename: { a: 1 } }],
  ])("answers an _entities representation that is %s BAD_USER_INPUT, never an internal error (found by the fuzz)", async (_name, representation) => {
    const request: ExactRequest = { query: `query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }`, variables: { r: [representation] } };
    const res = await sendExact(await signedFor(request, ["Query._entities"]), request);
    const body = (await res.json()) as GraphQLResponse["body"];
    expect(body.errors?.map((e) => e.extensions?.["code"])).toEqual(["BAD_USER_INPUT"]);
  });

  it("serves the platform's own request only on a platform assertion", async () => {
    const sdl = { query: "{ _service { sdl } }" };
    const platform = await platformAssertion(key, "ecofed-composition", { unit: "info-center", request: sdl, coordinates: ["Query._service", "_Service.sdl"] });
    expect((await sendExact(platform, sdl)).status).toBe(200);
  });

  it("property: a valid assertion for one request never opens another", async () => {
    const credit = fc.constantFrom(...demoEnterprises().slice(0, 50).map((e) => e.creditCode));
    const fields = fc.subarray(["creditCode", "name", "legalRepresentative", "address"], { minLength: 1 });
    const request = fc.record({ c: credit, f: fields, named: fc.boolean() }).map(({ c, f, named }): ExactRequest => ({
      query: `query${named ? " One" : ""}($c: ID!) { enterprise(creditCode: $c) { ${f.join(" ")} } }`,
      variables: { c },
      operationName: named ? "One" : null,
    }));
    await fc.assert(
      fc.asyncProperty(request, request, async (signedRequest, sentRequest) => {
        fc.pre(requestDigest(signedRequest) !== requestDigest(sentRequest));
        const everything = ["Query.enterprise", "Enterprise.creditCode", "Enterprise.name", "Enterprise.legalRepresentative", "Enterprise.address"];
        const res = await sendExact(await signedFor(signedRequest, everything), sentRequest);
        const body = (await res.json()) as GraphQLResponse["body"];
        expect(res.status).toBe(401);
        expect(body.data).toBeUndefined();
      }),
      { numRuns: 40 },
    );
  });
});

describe("a unit follows the platform keyring", () => {
  it("follows a key rotation without a restart; a retired key's assertions are refused", async () => {
    const oldKey = key;
    await rotatePlatformKey(dir.path);
    const newKey = await loadOrCreatePlatformKey(dir.path);
    expect(newKey.kid).not.toBe(oldKey.kid);
    expect((await send(await signed(newKey))).status).toBe(200);
    // Until retired, the previous key still verifies (requests in flight during a rotation).
    expect((await send(await signed(oldKey))).status).toBe(200);
    retirePlatformKey(dir.path, oldKey.kid);
    expectRefused(await send(await signed(oldKey)), 401, "UNAUTHENTICATED");
    expect((await send(await signed(newKey))).status).toBe(200);
    key = newKey;
  });
});
