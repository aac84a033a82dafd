import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoEnterprises } from "../../demo/enterprises.js";
import { errorCodes, postGraphQL, type GraphQLResponse } from "../helpers/graphql-client.js";
import { startInProcessFederation, type InProcessFederation } from "../helpers/in-process-federation.js";
import { asRequester, tokenFor } from "../helpers/tokens.js";
import { tempDir } from "../helpers/temp-dir.js";
import { requestAssertion } from "../../gateway/identity/assertion.js";
import { loadOrCreatePlatformKey } from "../../gateway/identity/platform-key.js";

// CONTRACT §4 over the real demo federation: real subgraph servers over HTTP, real SQLite.
let fed: InProcessFederation;
beforeAll(async () => {
  fed = await startInProcessFederation();
});
afterAll(() => fed?.stop());

const inspected = demoEnterprises().find((e) => e.inspected && e.penalised)!;

async function ask(unit: string, purpose: string | undefined, query: string, variables: Record<string, unknown> = {}, roles: string[] = []): Promise<GraphQLResponse> {
  const token = await tokenFor(fed.dataDir, unit, roles);
  return postGraphQL(fed.gateway.url, query, variables, asRequester(token, purpose));
}

function reasons(body: GraphQLResponse["body"]): [unknown, string, unknown][] {
  return (body.errors ?? []).map((e) => [
    e.extensions?.["code"],
    (e.path ?? []).join("."),
    (e.extensions?.["share"] as { reason?: string } | undefined)?.reason,
  ]);
}

/** Every document the gateway sent a unit since the last reset, joined (to prove what was never asked). */
function askedOfUnits(): string {
  return fed.subgraphQueries().map((q) => `${q.unit}: ${q.query}`).join("\n");
}

const ENTERPRISE = `query ($c: ID!) { enterprise(creditCode: $c) { name legalRepresentative inspections { date informant } penalties { amountYuan } } }`;

describe("share decisions through the gateway (CONTRACT §4)", () => {
  it("PURPOSE_REQUIRED: another unit's root field without a purpose; nothing is fetched", async () => {
    fed.resetStatements();
    const res = await ask("water", undefined, ENTERPRISE, { c: inspected.creditCode });
    expect(res.body.data).toEqual({ enterprise: null });
    expect(reasons(res.body)).toEqual([["SHARE_DENIED", "enterprise", "PURPOSE_REQUIRED"]]);
    expect(askedOfUnits()).toBe("");
    expect([...fed.units.values()].flatMap((u) => u.statements)).toEqual([]);
  });

  it("PURPOSE_NOT_ALLOWED, MASKED and NOT_SHARED in one operation; denied values never appear", async () => {
    fed.resetStatements();
    const res = await ask("water", "WORK_REFERENCE", ENTERPRISE, { c: inspected.creditCode });
    const enterprise = res.body.data!["enterprise"] as Record<string, unknown>;
    expect(enterprise["name"]).toBe(inspected.name);
    // Art. 15(2) "only in part": water is outside legalRepresentative's scope, mask PARTIAL.
    expect(enterprise["legalRepresentative"]).toBe(inspected.legalRepresentative[0] + "*".repeat(inspected.legalRepresentative.length - 1));
    expect(enterprise["inspections"]).toBeNull();
    expect(reasons(res.body)).toEqual([["SHARE_DENIED", "enterprise.inspections", "PURPOSE_NOT_ALLOWED"]]);
    const body = JSON.stringify(res.body);
    expect(body).not.toContain(inspected.legalRepresentative);
    // No subgraph was asked for the denied field.
    expect(askedOfUnits()).toMatch(/legalRepresentative/);
    expect(askedOfUnits()).not.toMatch(/inspections/);
  });

  it("NOT_SHARED: one error per occurrence, at each list index, and no unit is ever asked for the informant", async () => {
    fed.resetStatements();
    const res = await ask("water", "DATA_VERIFICATION", ENTERPRISE, { c: inspected.creditCode });
    const inspections = (res.body.data!["enterprise"] as { inspections: { date: string; informant: null }[] }).inspections;
    expect(inspections.length).toBeGreaterThan(0);
    expect(inspections.every((i) => i.date && i.informant === null)).toBe(true);
    expect(reasons(res.body)).toEqual(inspections.map((_, i) => ["SHARE_DENIED", `enterprise.inspections.${i}.informant`, "NOT_SHARED"]));
    expect(res.body.errors![0]!.extensions!["share"]).toEqual({
      coordinate: "Inspection.informant",
      owner: "enforcement",
      class: "NOT_SHARED",
      reason: "NOT_SHARED",
      apply: { provider: "enforcement", coordinates: ["Inspection.informant"] },
    });
    expect(askedOfUnits()).toMatch(/inspections/);
    expect(askedOfUnits()).not.toMatch(/informant/);
  });

  it("OUT_OF_SCOPE: a CONDITIONAL field for a unit outside its scope", async () => {
    const res = await ask("permits", "DATA_VERIFICATION", `query ($c: ID!) { enterprise(creditCode: $c) { inspections { date } } }`, { c: inspected.creditCode });
    expect(reasons(res.body)).toEqual([["SHARE_DENIED", "enterprise.inspections", "OUT_OF_SCOPE"]]);
  });

  it("a unit in scope reads the CONDITIONAL field whole", async () => {
    const res = await ask("permits", "WORK_REFERENCE", `query ($c: ID!) { enterprise(creditCode: $c) { legalRepresentative } }`, { c: inspected.creditCode });
    expect(res.body).toEqual({ data: { enterprise: { legalRepresentative: inspected.legalRepresentative } } });
  });

  it("own data: enforcement reads its inspections and informants without a purpose", async () => {
    const res = await ask(
      "enforcement",
      undefined,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { inspections { informant } } } }`,
      { r: [] },
    );
    // _entities is not in the API schema: validation, not a share decision.
    expect(res.body.errors?.[0]?.extensions?.["code"]).toBe("GRAPHQL_VALIDATION_FAILED");
    const own = await ask("enforcement", undefined, `{ penalties(first: 2) { nodes { amountYuan } } }`);
    expect(own.body.errors).toBeUndefined();
    expect((own.body.data!["penalties"] as { nodes: unknown[] }).nodes).toHaveLength(2);
  });

  it("aliases, named fragments used twice, and variables that become unused", async () => {
    const query = `query Q($c: ID!, $last: Int) {
      a: enterprise(creditCode: $c) { ...E }
      b: enterprise(creditCode: $c) { ...E name }
      stations: airStations(divisionCode: "110000") { name readings(last: $last) { aqi } }
    }
    fragment E on Enterprise { who: legalRepresentative inspections { informant } }`;
    const res = await ask("water", "DATA_VERIFICATION", query, { c: inspected.creditCode, last: 2 });
    const data = res.body.data as { a: { who: string; inspections: unknown[] }; b: { name: string }; stations: { readings: unknown[] }[] };
    expect(data.a.who).toMatch(/^.\*+$/);
    expect(data.b.name).toBe(inspected.name);
    expect(data.stations[0]!.readings).toHaveLength(2);
    const paths = reasons(res.body).map(([, path]) => path);
    expect(paths.filter((p) => p.startsWith("a.inspections."))).toHaveLength(data.a.inspections.length);
    expect(paths.filter((p) => p.startsWith("b.inspections."))).toHaveLength(data.a.inspections.length);
  });

  it("does not let one requester's decision reach another through the query-plan cache", async () => {
    const query = `query ($c: ID!) { enterprise(creditCode: $c) { inspections { date } } }`;
    const allowedFirst = await ask("water", "DATA_VERIFICATION", query, { c: inspected.creditCode });
    const deniedNext = await ask("permits", "DATA_VERIFICATION", query, { c: inspected.creditCode });
    const allowedAgain = await ask("water", "DATA_VERIFICATION", query, { c: inspected.creditCode });
    expect(allowedFirst.body.errors).toBeUndefined();
    expect(errorCodes(deniedNext.body)).toEqual([["SHARE_DENIED", "enterprise.inspections"]]);
    // No value the allowed requester read; the denial names the field it may apply for.
    const dates = ((allowedFirst.body.data!["enterprise"] as { inspections: { date: string }[] }).inspections).map((i) => i.date);
    expect(dates.length).toBeGreaterThan(0);
    for (const date of dates) expect(JSON.stringify(deniedNext.body)).not.toContain(date);
    expect(deniedNext.body.data).toEqual({ enterprise: { inspections: null } });
    expect(allowedAgain.body).toEqual(allowedFirst.body);
    // …and the reverse order, with a text the gateway has not planned yet.
    const other = `query ($c: ID!) { enterprise(creditCode: $c) { inspections { kind } } }`;
    const deniedFirst = await ask("permits", "DATA_VERIFICATION", other, { c: inspected.creditCode });
    const allowedNext = await ask("water", "DATA_VERIFICATION", other, { c: inspected.creditCode });
    expect(errorCodes(deniedFirst.body)).toEqual([["SHARE_DENIED", "enterprise.inspections"]]);
    expect(allowedNext.body.errors).toBeUndefined();
    expect((allowedNext.body.data!["enterprise"] as { inspections: unknown[] }).inspections.length).toBeGreaterThan(0);
  });

  it("a denied non-null field nulls its parent, as GraphQL says", async () => {
    // Atmosphere reads its own stations without a purpose; a division's key and name
    // (ID!, String!) are the info centre's (CONTRACT §3), so each division becomes null.
    const res = await ask("atmosphere", undefined, `{ airStations(divisionCode: "110000") { name division { code name } } }`);
    const stations = res.body.data!["airStations"] as { name: string; division: null }[];
    expect(stations.length).toBeGreaterThan(0);
    expect(stations.every((s) => s.name && s.division === null)).toBe(true);
    expect(reasons(res.body)).toEqual(stations.map((_, i) => ["SHARE_DENIED", `airStations.${i}.division.code`, "PURPOSE_REQUIRED"]));
  });

  it("explain: decides an operation for the requester without running it", async () => {
    fed.resetStatements();
    const res = await ask("water", undefined, `query ($q: String!) { explain(query: $q, purpose: DATA_VERIFICATION) { coordinate owner shareClass decision reason apply { provider coordinates } } }`, { q: ENTERPRISE });
    expect(res.body.errors).toBeUndefined();
    const rows = res.body.data!["explain"] as { coordinate: string; decision: string; reason: string; apply: unknown }[];
    const byCoordinate = Object.fromEntries(rows.map((r) => [r.coordinate, r]));
    expect(byCoordinate["Query.enterprise"]).toMatchObject({ owner: "info-center", decision: "ALLOWED", reason: "SHARED", apply: null });
    expect(byCoordinate["Enterprise.legalRepresentative"]).toMatchObject({ decision: "MASKED", reason: "OUT_OF_SCOPE" });
    expect(byCoordinate["Enterprise.inspections"]).toMatchObject({ shareClass: "CONDITIONAL", decision: "ALLOWED" });
    expect(byCoordinate["Inspection.informant"]).toEqual({
      coordinate: "Inspection.informant", owner: "enforcement", shareClass: "NOT_SHARED", decision: "DENIED", reason: "NOT_SHARED",
      apply: { provider: "enforcement", coordinates: ["Inspection.informant"] },
    });
    expect(askedOfUnits()).toBe("");
  });

  it("explain: a query that is not valid is the argument's error", async () => {
    const res = await ask("water", undefined, `{ explain(query: "{ enterprise { nope } }") { coordinate } }`);
    expect(errorCodes(res.body)).toEqual([["BAD_USER_INPUT", "explain"]]);
    expect(res.body.errors![0]!.extensions!["argument"]).toBe("query");
  });

  it("explain: a subscription, which the gateway has no type for, is the argument's error too, never an internal one (found by the fuzz)", async () => {
    const res = await ask("water", undefined, `{ explain(query: "subscription { divisions { code } }") { coordinate } }`);
    expect(errorCodes(res.body)).toEqual([["BAD_USER_INPUT", "explain"]]);
  });

  it("explain sits beside ordinary fields in one operation", async () => {
    const res = await ask("water", "WORK_REFERENCE", `{ divisions { code } explain(query: "{ divisions { name } }") { coordinate decision } }`);
    expect(res.body.errors).toBeUndefined();
    expect((res.body.data!["divisions"] as unknown[]).length).toBe(31);
    expect(res.body.data!["explain"]).toEqual([
      { coordinate: "Query.divisions", decision: "ALLOWED" },
      { coordinate: "AdministrativeDivision.name", decision: "ALLOWED" },
    ]);
  });

  it("ignores identity headers a client invents", async () => {
    const token = await tokenFor(fed.dataDir, "water");
    const res = await postGraphQL(fed.gateway.url, ENTERPRISE, { c: inspected.creditCode }, {
      ...asRequester(token, "DATA_VERIFICATION"),
      "x-unit": "enforcement",
      "x-roles": "security",
    });
    expect(reasons(res.body).some(([, , reason]) => reason === "NOT_SHARED")).toBe(true);
  });

  const tokenParts = async (): Promise<[string, Record<string, unknown>, string]> => {
    const [h, p, sig] = (await tokenFor(fed.dataDir, "water")).split(".");
    return [h!, JSON.parse(Buffer.from(p!, "base64url").toString()) as Record<string, unknown>, sig!];
  };
  const b64 = (json: unknown): string => Buffer.from(JSON.stringify(json)).toString("base64url");
  it.each([
    ["no token", async () => null],
    ["a malformed token", async () => "not.a.jwt"],
    ["a tampered payload", async () => {
      const [h, payload, sig] = await tokenParts();
      return `${h}.${b64({ ...payload, unit: "enforcement" })}.${sig}`;
    }],
    ["alg: none", async () => {
      const [, payload] = await tokenParts();
      return `${b64({ alg: "none", typ: "JWT" })}.${b64(payload)}.`;
    }],
    ["a token signed with another platform's key", async () => {
      const other = tempDir("other-platform");
      try {
        return await tokenFor(other.path, "water");
      } finally {
        other.remove();
      }
    }],
    ["a gateway assertion presented as a token (wrong issuer and audience)", async () =>
      requestAssertion(await loadOrCreatePlatformKey(fed.dataDir), { requestId: "r", requester: { unit: "water", principal: "w", roles: [] }, purpose: null }, { unit: "info-center", request: { query: "{ divisions { code } }" }, coordinates: [] })],
  ])("answers %s with HTTP 401 UNAUTHENTICATED", async (_name, token) => {
    const value = await token();
    const res = await postGraphQL(fed.gateway.url, `{ divisions { code } }`, {}, value === null ? {} : { authorization: `Bearer ${value}` });
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0]?.extensions?.["code"]).toBe("UNAUTHENTICATED");
    expect(res.body.data).toBeUndefined();
  });

  it("answers an unknown purpose with HTTP 400 BAD_PURPOSE", async () => {
    const res = await ask("water", "FOR_FUN", `{ divisions { code } }`);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions?.["code"]).toBe("BAD_PURPOSE");
  });

  it("an expired token is refused", async () => {
    const token = await tokenFor(fed.dataDir, "water", [], 1);
    await new Promise((r) => setTimeout(r, 2_100));
    const res = await postGraphQL(fed.gateway.url, `{ divisions { code } }`, {}, asRequester(token, "WORK_REFERENCE"));
    expect(res.status).toBe(401);
  });
});
