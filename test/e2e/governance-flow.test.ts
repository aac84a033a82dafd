import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoEnterprises } from "../../demo/enterprises.js";
import { postGraphQL, type GraphQLResponse } from "../helpers/graphql-client.js";
import { startInProcessFederation, type InProcessFederation } from "../helpers/in-process-federation.js";
import { asRequester, tokenFor } from "../helpers/tokens.js";

// Issue 6 through the gateway: the workflow in the governance unit, its grants and
// suspensions enforced by the gateway on the very next request (CONTRACT §4, §7).
let fed: InProcessFederation;
beforeAll(async () => {
  fed = await startInProcessFederation();
});
afterAll(() => fed?.stop());

const e = demoEnterprises().find((x) => x.inspected)!;
const INSPECTIONS = `query ($c: ID!) { enterprise(creditCode: $c) { name inspections { date } } }`;
const INFORMANTS = `query ($c: ID!) { enterprise(creditCode: $c) { inspections { informant } } }`;

async function as(unit: string, roles: string[] = [], purpose = "DATA_VERIFICATION") {
  const headers = asRequester(await tokenFor(fed.dataDir, unit, roles), purpose);
  return (query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse> => postGraphQL(fed.gateway.url, query, variables, headers);
}

const reasonsOf = (res: GraphQLResponse): string[] =>
  (res.body.errors ?? []).map((err) => String((err.extensions?.["share"] as { reason?: string } | undefined)?.reason ?? err.extensions?.["code"]));

async function mutate(ask: (q: string, v?: Record<string, unknown>) => Promise<GraphQLResponse>, query: string, variables: Record<string, unknown>) {
  const res = await ask(query, variables);
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  return Object.values(res.body.data!)[0] as Record<string, unknown>;
}

const APPLY = `mutation ($i: ApplyInput!) { applyForAccess(input: $i) { id status provider dueBy } }`;
const DECIDE = `mutation ($id: ID!, $ok: Boolean!, $r: String) { decideApplication(id: $id, approve: $ok, reason: $r) { id status reason grant { id status validUntil } } }`;
const COORDINATE = `mutation ($id: ID!, $ok: Boolean!, $r: String!) { coordinateApplication(id: $id, approve: $ok, reason: $r) { id status grant { id } } }`;

describe("applications through the gateway (Art. 21–23)", () => {
  it("Art. 21: apply → the provider's approver approves → the very next request reads the field; a revocation closes it again", async () => {
    const permits = await as("permits");
    expect(reasonsOf(await permits(INSPECTIONS, { c: e.creditCode }))).toContain("OUT_OF_SCOPE");

    const application = await mutate(permits, APPLY, {
      i: { coordinates: ["Enterprise.inspections", "Inspection.date"], purpose: "DATA_VERIFICATION", justification: "verify permit compliance findings" },
    });
    expect(application).toMatchObject({ status: "PENDING", provider: "enforcement" });
    expect(String(application["dueBy"])).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Only the provider's approver decides.
    expect(reasonsOf(await (await as("water", ["approver"]))(DECIDE, { id: application["id"], ok: true }))).toEqual(["FORBIDDEN"]);

    const approver = await as("enforcement", ["approver"]);
    const decided = await mutate(approver, DECIDE, { id: application["id"], ok: true });
    expect(decided).toMatchObject({ status: "APPROVED", grant: { status: "ACTIVE" } });

    const granted = await permits(INSPECTIONS, { c: e.creditCode });
    expect(granted.body.errors).toBeUndefined();
    expect((granted.body.data!["enterprise"] as { inspections: unknown[] }).inspections.length).toBeGreaterThan(0);
    // Another purpose is not covered by the grant.
    expect(reasonsOf(await (await as("permits", [], "BUSINESS_COLLABORATION"))(INSPECTIONS, { c: e.creditCode }))).toContain("OUT_OF_SCOPE");

    const grantId = (decided["grant"] as { id: string }).id;
    await mutate(approver, `mutation ($id: ID!) { revokeGrant(id: $id, reason: "investigation closed") { id status } }`, { id: grantId });
    expect(reasonsOf(await permits(INSPECTIONS, { c: e.creditCode }))).toContain("OUT_OF_SCOPE");
  });

  it("one application for what the denial names opens the whole operation (issue 15)", async () => {
    const nuclear = await as("nuclear");
    const query = `query ($c: ID!) { enterprise(creditCode: $c) { name inspections { id date kind } } }`;
    const denied = await nuclear(query, { c: e.creditCode });
    const share = denied.body.errors![0]!.extensions!["share"] as { reason: string; apply: { provider: string; coordinates: string[] } };
    expect(share.reason).toBe("OUT_OF_SCOPE");
    // The field and every conditional field of the provider the operation reads under it.
    expect(share.apply.provider).toBe("enforcement");
    expect(share.apply.coordinates[0]).toBe("Enterprise.inspections");
    expect(share.apply.coordinates).toEqual(expect.arrayContaining(["Inspection.id", "Inspection.date"]));
    const explained = await nuclear(`query ($q: String!) { explain(query: $q) { coordinate apply { coordinates } } }`, { q: `{ enterprise(creditCode: "${e.creditCode}") { name inspections { id date kind } } }` });
    const inspections = (explained.body.data!["explain"] as { coordinate: string; apply: { coordinates: string[] } | null }[]).find((d) => d.coordinate === "Enterprise.inspections");
    expect(inspections?.apply?.coordinates).toEqual(share.apply.coordinates);

    const application = await mutate(nuclear, APPLY, { i: { coordinates: share.apply.coordinates, purpose: "DATA_VERIFICATION", justification: "cross-check inspection findings" } });
    const approver = await as("enforcement", ["approver"]);
    const decided = await mutate(approver, DECIDE, { id: application["id"], ok: true });
    const opened = await nuclear(query, { c: e.creditCode });
    expect(opened.body.errors).toBeUndefined();
    const items = (opened.body.data!["enterprise"] as { inspections: { id: string; date: string }[] }).inspections;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.id && i.date)).toBe(true);
    // Closed again: the catalog test below reads nuclear's access as it was.
    await mutate(approver, `mutation ($id: ID!) { revokeGrant(id: $id, reason: "test over") { id } }`, { id: (decided["grant"] as { id: string }).id });
  });

  it("applyForAccess takes a type name for every field of it one application could open (issue 15)", async () => {
    const soil = await as("soil");
    const filed = await soil(`mutation ($i: ApplyInput!) { applyForAccess(input: $i) { id provider coordinates } }`, {
      i: { coordinates: ["Enterprise.inspections", "Inspection"], purpose: "DATA_VERIFICATION", justification: "contamination follow-up" },
    });
    expect(filed.body.errors).toBeUndefined();
    const application = filed.body.data!["applyForAccess"] as { provider: string; coordinates: string[] };
    expect(application.provider).toBe("enforcement");
    expect(application.coordinates).toEqual(expect.arrayContaining(["Enterprise.inspections", "Inspection.id", "Inspection.date"]));
    expect(application.coordinates.every((c) => c === "Enterprise.inspections" || c.startsWith("Inspection."))).toBe(true);
    const huge = await soil(APPLY, { i: { coordinates: ["X".repeat(100_000)], purpose: "DATA_VERIFICATION", justification: "x" } });
    expect(huge.body.errors?.[0]?.extensions?.["code"]).toBe("BAD_USER_INPUT");
    expect(JSON.stringify(huge.body).length).toBeLessThan(1_000);
  });

  it("a denial no application can change says so and names nothing to apply for (issue 15)", async () => {
    const res = await postGraphQL(fed.gateway.url, INSPECTIONS, { c: e.creditCode }, asRequester(await tokenFor(fed.dataDir, "permits")));
    const error = res.body.errors![0]!;
    expect(error.message).toContain("send the X-Share-Purpose header");
    const share = error.extensions!["share"] as Record<string, unknown>;
    expect(share["reason"]).toBe("PURPOSE_REQUIRED");
    expect(share).not.toHaveProperty("apply");
  });

  it("Art. 21: a rejection needs a reason; Art. 22: escalated, the cac-office coordinates a grant, even for NOT_SHARED data", async () => {
    const soil = await as("soil");
    expect(reasonsOf(await soil(INFORMANTS, { c: e.creditCode }))).toContain("NOT_SHARED");
    const application = await mutate(soil, APPLY, {
      i: { coordinates: ["Inspection.informant"], purpose: "DATA_VERIFICATION", justification: "cross-check a complaint about the same site" },
    });
    // NOT_SHARED data is the cac-office's to open: it goes there directly.
    expect(application["status"]).toBe("ESCALATED");
    const approver = await as("enforcement", ["approver"]);
    expect(reasonsOf(await approver(DECIDE, { id: application["id"], ok: true }))).toEqual(["INVALID_TRANSITION"]);

    const cac = await as("cac-office", ["cac-office"]);
    const coordinated = await mutate(cac, COORDINATE, { id: application["id"], ok: true, r: "needed for the joint soil investigation" });
    expect(coordinated).toMatchObject({ status: "APPROVED", grant: { id: expect.any(String) } });
    const read = await soil(INFORMANTS, { c: e.creditCode });
    expect(read.body.errors).toBeUndefined();

    // An internal application rejected without a reason is refused; with one, it can be escalated.
    const other = await mutate(soil, APPLY, { i: { coordinates: ["Enterprise.legalRepresentative"], purpose: "DATA_VERIFICATION", justification: "contact the legal representative" } });
    const infoApprover = await as("info-center", ["approver"]);
    expect(reasonsOf(await infoApprover(DECIDE, { id: other["id"], ok: false }))).toEqual(["REASON_REQUIRED"]);
    await mutate(infoApprover, DECIDE, { id: other["id"], ok: false, r: "masked value suffices for soil's duties" });
    const escalated = await mutate(soil, `mutation ($id: ID!) { escalateApplication(id: $id, note: "we need the full name") { id status } }`, { id: other["id"] });
    expect(escalated["status"]).toBe("ESCALATED");
  });

  it("Art. 23(4): an external department's application waits for the leading group, then the cac-office answers", async () => {
    const mnr = await as("ext:mnr");
    expect(reasonsOf(await mnr(INSPECTIONS, { c: e.creditCode }))).toContain("OUT_OF_SCOPE");
    const application = await mutate(mnr, APPLY, {
      i: { coordinates: ["Enterprise.inspections", "Inspection.date"], purpose: "DATA_VERIFICATION", justification: "land-use enforcement coordination" },
    });
    expect(application["status"]).toBe("AWAITING_ENDORSEMENT");
    const cac = await as("cac-office", ["cac-office"]);
    expect(reasonsOf(await cac(COORDINATE, { id: application["id"], ok: true, r: "too early" }))).toEqual(["INVALID_TRANSITION"]);
    const leading = await as("leading-group", ["leading-group"]);
    const endorsed = await mutate(leading, `mutation ($id: ID!) { endorseApplication(id: $id, approve: true) { status } }`, { id: application["id"] });
    expect(endorsed["status"]).toBe("PENDING");
    await mutate(cac, COORDINATE, { id: application["id"], ok: true, r: "endorsed by the leading group" });
    const read = await mnr(INSPECTIONS, { c: e.creditCode });
    expect(read.body.errors).toBeUndefined();
  });
});

describe("the catalog through the gateway (Art. 10–12)", () => {
  const CATALOG = `{ catalog(resource: "Inspection") { version published resources { name owner updateFrequency items { coordinate sharingClass access { decision reason apply { provider mutation } } } } } }`;
  type Item = { coordinate: string; sharingClass: string; access: { decision: string; reason: string; apply: { provider: string; mutation: string } | null } };
  const itemsOf = (res: GraphQLResponse): Map<string, Item> =>
    new Map(((res.body.data!["catalog"] as { resources: { items: Item[] }[] }).resources.flatMap((r) => r.items)).map((i) => [i.coordinate, i]));

  it("was generated from the supergraph the gateway serves; the leading group publishes it; each item says whether the requester can read it and where to apply", async () => {
    const leading = await as("leading-group", ["leading-group"]);
    const draft = await leading(CATALOG);
    expect(draft.body.errors).toBeUndefined();
    const version = (draft.body.data!["catalog"] as { version: number }).version;
    expect(reasonsOf(await (await as("water"))(`mutation ($v: Int!) { publishCatalog(version: $v) { status } }`, { v: version }))).toEqual(["FORBIDDEN"]);
    await mutate(leading, `mutation ($v: Int!) { publishCatalog(version: $v) { status } }`, { v: version });

    const nuclear = itemsOf(await (await as("nuclear"))(CATALOG));
    expect(nuclear.get("Inspection.informant")).toMatchObject({ sharingClass: "NOT_SHARED", access: { decision: "DENIED", reason: "NOT_SHARED" } });
    expect(nuclear.get("Inspection.date")).toMatchObject({ access: { decision: "DENIED", reason: "OUT_OF_SCOPE", apply: { provider: "enforcement", mutation: "applyForAccess" } } });
    // One application opens the item and what it holds (issue 15), as the denial says it.
    const whole = await (await as("nuclear"))(`{ catalog { resources { items { coordinate access { apply { coordinates } } } } } }`);
    const inspections = (whole.body.data!["catalog"] as { resources: { items: { coordinate: string; access: { apply: { coordinates: string[] } } }[] }[] }).resources
      .flatMap((r) => r.items)
      .find((i) => i.coordinate === "Enterprise.inspections")!;
    expect(inspections.access.apply.coordinates[0]).toBe("Enterprise.inspections");
    expect(inspections.access.apply.coordinates).toEqual(expect.arrayContaining(["Inspection.id", "Inspection.date"]));
    const water = itemsOf(await (await as("water"))(CATALOG));
    expect(water.get("Inspection.date")?.access).toMatchObject({ decision: "ALLOWED" });
    expect((await (await as("water"))(CATALOG)).body.data).toMatchObject({ catalog: { published: true } });
  });
});

describe("suspension through the gateway (Art. 29)", () => {
  it("a suspended unit is served nothing but its own data, from the next request until the suspension is lifted", async () => {
    const water = await as("water", [], "WORK_REFERENCE");
    // enterprise (info-center's) is nullable: denied, it is null and the rest still resolves.
    const QUERY = `{ enterprise(creditCode: "${e.creditCode}") { name } waterSections(divisionCode: "420000") { name } }`;
    expect((await water(QUERY)).body.errors).toBeUndefined();

    const cac = await as("cac-office", ["cac-office"]);
    expect(reasonsOf(await water(`mutation { suspendUnit(unit: "soil", reason: "x") { unit } }`))).toEqual(["FORBIDDEN"]);
    const suspension = await mutate(cac, `mutation { suspendUnit(unit: "water", reason: "served stale readings and refused to rectify") { unit active until } }`, {});
    expect(suspension).toMatchObject({ unit: "water", active: true });

    const suspended = await water(QUERY);
    expect(reasonsOf(suspended)).toEqual(["SUSPENDED"]);
    expect((suspended.body.data!["waterSections"] as unknown[]).length).toBeGreaterThan(0); // its own data
    expect(suspended.body.data!["enterprise"]).toBeNull();
    expect(JSON.stringify(suspended.body)).not.toContain(e.name);
    // A non-null root of another unit keeps its type (CONTRACT §5): denied, it nulls all of data (README).
    const withDivisions = await water(`{ divisions { code } waterSections(divisionCode: "420000") { name } }`);
    expect(reasonsOf(withDivisions)).toEqual(["SUSPENDED"]);
    expect(withDivisions.body.data).toBeNull();

    await mutate(cac, `mutation { liftSuspension(unit: "water", reason: "rectified") { active } }`, {});
    expect((await water(QUERY)).body.errors).toBeUndefined();
  });
});
