import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeDemoSupergraph } from "../../cli/commands/compose.js";
import { loadOrCreatePlatformKey, type PlatformKey } from "../../gateway/identity/platform-key.js";
import { readGovernanceState, type GovernanceState } from "../../governance/governance-state.js";
import { GOVERNANCE_STORE_FILE } from "../../governance/migrations.js";
import { PlatformPublicKeys } from "../../subgraphs/_kit/platform-public-keys.js";
import { governanceUnit } from "../../subgraphs/governance/index.js";
import { GovernanceClient, type AssertedAs } from "../helpers/governance-client.js";
import { errorCodes, postGraphQL, type GraphQLResponse } from "../helpers/graphql-client.js";
import { tempDir } from "../helpers/temp-dir.js";
import { startUnit, type UnitUnderTest } from "../helpers/unit-server.js";

// Friday 2026-04-03, 10:00 in Shanghai: Qingming (04-04…04-06) follows.
let clock = new Date("2026-04-03T02:00:00Z");
const warnings: string[] = [];
const unit = governanceUnit({ now: () => clock, env: {}, warn: (m) => warnings.push(m) });

const dir = tempDir("governance");
let key: PlatformKey;
let client: GovernanceClient;
let served: UnitUnderTest;
let supergraphSdl: string;

beforeAll(async () => {
  key = await loadOrCreatePlatformKey(dir.path);
  client = await GovernanceClient.of(unit, key);
  supergraphSdl = await composeDemoSupergraph({ host: "127.0.0.1", port: 4000 });
  served = await startUnit(unit, new PlatformPublicKeys(dir.path), dir.path);
});
afterAll(async () => {
  await served?.stop();
  dir.remove();
});

const platform: AssertedAs = { unit: "platform", principal: "gateway" };
const permits: AssertedAs = { unit: "permits", principal: "permits-clerk" };
const water: AssertedAs = { unit: "water" };
const approver: AssertedAs = { unit: "enforcement", principal: "enforcement-approver", roles: ["approver"] };
const enforcementClerk: AssertedAs = { unit: "enforcement" };
const infoApprover: AssertedAs = { unit: "info-center", roles: ["approver"] };
const cacOffice: AssertedAs = { unit: "info-center", principal: "cac-officer", roles: ["cac-office"] };
const leadingGroup: AssertedAs = { unit: "info-center", principal: "lg-member", roles: ["leading-group"] };
const security: AssertedAs = { unit: "info-center", roles: ["security"] };
const mnr: AssertedAs = { unit: "ext:mnr", principal: "mnr-officer" };

const GRANT = "id unit provider coordinates purpose status validUntil coordinated applicationId revokedReason";
const APPLICATION = `id applicant submittedBy provider coordinates purpose status submittedAt dueBy reason justification validDays notShared overdue grant { ${GRANT} }`;
const HISTORY = "history { action from to unit principal requestId at reason }";

const APPLY = `mutation ($input: ApplyInput!) { applyForAccess(input: $input) { ${APPLICATION} } }`;
const DECIDE = `mutation ($id: ID!, $approve: Boolean!, $reason: String) { decideApplication(id: $id, approve: $approve, reason: $reason) { ${APPLICATION} } }`;
const ESCALATE = `mutation ($id: ID!, $note: String) { escalateApplication(id: $id, note: $note) { ${APPLICATION} } }`;
const COORDINATE = `mutation ($id: ID!, $approve: Boolean!, $reason: String!) { coordinateApplication(id: $id, approve: $approve, reason: $reason) { ${APPLICATION} } }`;
const ENDORSE = `mutation ($id: ID!, $approve: Boolean!, $reason: String) { endorseApplication(id: $id, approve: $approve, reason: $reason) { ${APPLICATION} } }`;
const WITHDRAW = `mutation ($id: ID!) { withdrawApplication(id: $id) { ${APPLICATION} } }`;
const REVOKE = `mutation ($id: ID!, $reason: String!) { revokeGrant(id: $id, reason: $reason) { ${GRANT} } }`;
const SUSPEND = `mutation ($unit: String!, $reason: String!) { suspendUnit(unit: $unit, reason: $reason) { unit reason since until active } }`;
const LIFT = `mutation ($unit: String!, $reason: String!) { liftSuspension(unit: $unit, reason: $reason) { unit reason since until active liftReason } }`;
const RECORD = `mutation ($sdl: String!) { recordSupergraph(sdl: $sdl) }`;
const APPLICATIONS = `query ($filter: ApplicationFilter) { applications(filter: $filter) { id applicant provider status } }`;
const GRANTS = `query ($filter: GrantFilter) { grants(filter: $filter) { id unit provider status } }`;

const ask = (as: AssertedAs, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse> =>
  client.post(served.running.url, as, query, variables);

/** The data of a response that must have no errors. */
async function ok<T = Record<string, unknown>>(response: Promise<GraphQLResponse>, field: string): Promise<T> {
  const { body } = await response;
  expect(body.errors).toBeUndefined();
  return body.data![field] as T;
}

async function codes(response: Promise<GraphQLResponse>): Promise<[unknown, string][]> {
  return errorCodes((await response).body);
}

interface ApplicationJson {
  id: string;
  status: string;
  dueBy: string;
  reason: string | null;
  overdue: boolean;
  grant: { id: string; status: string; validUntil: string; coordinated: boolean } | null;
  [field: string]: unknown;
}

const apply = (as: AssertedAs, input: Record<string, unknown>): Promise<ApplicationJson> =>
  ok<ApplicationJson>(ask(as, APPLY, { input: { purpose: "BUSINESS_COLLABORATION", justification: "joint inspections of shared polluters", ...input } }), "applyForAccess");

/** The gateway's view: its own read-only handle on the governance file. */
function gatewayState(): GovernanceState {
  const db = new Database(join(dir.path, GOVERNANCE_STORE_FILE), { readonly: true, fileMustExist: true });
  try {
    return readGovernanceState(db, clock);
  } finally {
    db.close();
  }
}

const ids = (rows: { id: string }[]): string[] => rows.map((r) => r.id).sort((a, b) => Number(a) - Number(b));

describe("the governance subgraph over HTTP (CONTRACT §7)", () => {
  let approved: ApplicationJson;
  let escalatedGrant: string;
  const everyApplication: string[] = [];

  it("learns the federation's fields from the platform only; before that, applications are refused with a code", async () => {
    expect(await codes(ask(permits, APPLY, { input: { coordinates: ["Enterprise.inspections"], purpose: "DATA_VERIFICATION", justification: "x" } })))
      .toEqual([["CATALOG_UNAVAILABLE", "applyForAccess"]]);
    expect(await codes(ask(permits, RECORD, { sdl: supergraphSdl }))).toEqual([["FORBIDDEN", "recordSupergraph"]]);
    expect(await codes(ask({ ...cacOffice }, RECORD, { sdl: supergraphSdl }))).toEqual([["FORBIDDEN", "recordSupergraph"]]);
    expect(await codes(ask(platform, RECORD, { sdl: "type Query {" }))).toEqual([["BAD_USER_INPUT", "recordSupergraph"]]);
    expect(await ok(ask(platform, RECORD, { sdl: supergraphSdl }), "recordSupergraph")).toBe(1);
    // The same SDL again: the same version, no new row.
    expect(await ok(ask(platform, RECORD, { sdl: supergraphSdl }), "recordSupergraph")).toBe(1);
    const db = new Database(join(dir.path, GOVERNANCE_STORE_FILE), { readonly: true });
    expect(db.prepare("SELECT version, length(sdl) AS size FROM supergraphs").all()).toEqual([{ version: 1, size: supergraphSdl.length }]);
    db.close();
    expect(gatewayState()).toEqual({ version: 0, grants: [], suspensions: [], nextChangeAt: null });
  });

  it("Art. 21: apply → the provider's approver approves → a grant the gateway reads at once, under a new version", async () => {
    const filed = await apply(permits, { coordinates: ["Enterprise.inspections"] });
    everyApplication.push(filed.id);
    expect(filed).toMatchObject({
      applicant: "permits",
      submittedBy: "permits-clerk",
      provider: "enforcement",
      coordinates: ["Enterprise.inspections"],
      status: "PENDING",
      submittedAt: "2026-04-03T02:00:00.000Z",
      // Friday + 5 working days, across Qingming.
      dueBy: "2026-04-13",
      validDays: 365,
      notShared: false,
      overdue: false,
      grant: null,
    });
    clock = new Date("2026-04-07T03:00:00Z");
    approved = await ok<ApplicationJson>(ask(approver, DECIDE, { id: filed.id, approve: true, reason: "within the inspection MoU" }), "decideApplication");
    expect(approved.status).toBe("APPROVED");
    expect(approved.reason).toBe("within the inspection MoU");
    expect(approved.grant).toMatchObject({ unit: "permits", status: "ACTIVE", validUntil: "2027-04-07", coordinated: false, applicationId: filed.id });
    expect(gatewayState()).toEqual({
      version: 1,
      grants: [{ id: approved.grant!.id, unit: "permits", coordinates: ["Enterprise.inspections"], purpose: "BUSINESS_COLLABORATION", coordinated: false, validUntil: "2027-04-07" }],
      suspensions: [],
      nextChangeAt: new Date("2027-04-07T16:00:00.000Z"),
    });
  });

  it("records every transition with its actor and time, and tells applicant and provider", async () => {
    const history = await ok<{ history: unknown[] }>(ask(security, `query ($id: ID!) { application(id: $id) { ${HISTORY} } }`, { id: approved.id }), "application");
    expect(history.history).toEqual([
      { action: "APPLY", from: null, to: "PENDING", unit: "permits", principal: "permits-clerk", requestId: expect.stringMatching(/^governance-test-/), at: "2026-04-03T02:00:00.000Z", reason: null },
      { action: "DECIDE", from: "PENDING", to: "APPROVED", unit: "enforcement", principal: "enforcement-approver", requestId: expect.stringMatching(/^governance-test-/), at: "2026-04-07T03:00:00.000Z", reason: "within the inspection MoU" },
    ]);
    const NOTIFICATIONS = `query { notifications(unread: true) { id read event { subject subjectId action to } } }`;
    for (const party of [permits, enforcementClerk]) {
      const notes = await ok<{ event: { subjectId: string; action: string } }[]>(ask(party, NOTIFICATIONS), "notifications");
      expect(notes.map((n) => n.event)).toEqual([
        { subject: "APPLICATION", subjectId: approved.id, action: "DECIDE", to: "APPROVED" },
        { subject: "APPLICATION", subjectId: approved.id, action: "APPLY", to: "PENDING" },
      ]);
    }
    expect(await ok(ask(water, NOTIFICATIONS), "notifications")).toEqual([]);
    expect(await ok(ask(permits, `mutation { markNotificationsRead }`), "markNotificationsRead")).toBe(2);
    expect(await ok(ask(permits, NOTIFICATIONS), "notifications")).toEqual([]);
  });

  it.each<[string, AssertedAs, Record<string, unknown>]>([
    ["a field the federation does not have", permits, { coordinates: ["Enterprise.secretSauce"] }],
    ["fields of two providers in one application", permits, { coordinates: ["Enterprise.inspections", "Enterprise.legalRepresentative"] }],
    ["its own data", approver, { coordinates: ["Enterprise.inspections"] }],
    ["a purpose the field does not allow (Art. 17)", permits, { coordinates: ["Enterprise.inspections"], purpose: "WORK_REFERENCE" }],
    ["a blank justification", permits, { coordinates: ["Enterprise.inspections"], justification: "  " }],
    ["a validity beyond 1095 days", permits, { coordinates: ["Enterprise.inspections"], validDays: 1096 }],
    ["no field at all", permits, { coordinates: [] }],
  ])("refuses an application for %s with BAD_USER_INPUT", async (_name, as, input) => {
    const response = await ask(as, APPLY, { input: { purpose: "BUSINESS_COLLABORATION", justification: "needed", ...input } });
    expect(errorCodes(response.body)).toEqual([["BAD_USER_INPUT", "applyForAccess"]]);
    expect(response.body.errors![0]!.extensions!["argument"]).toMatch(/^input\./);
  });

  it("answers a wrong actor FORBIDDEN, a missing reason REASON_REQUIRED, an illegal step INVALID_TRANSITION, an unknown id NOT_FOUND", async () => {
    const pending = await apply(water, { coordinates: ["Enterprise.inspections"], purpose: "DATA_VERIFICATION" });
    everyApplication.push(pending.id);
    expect(await codes(ask(enforcementClerk, DECIDE, { id: pending.id, approve: true }))).toEqual([["FORBIDDEN", "decideApplication"]]);
    expect(await codes(ask(infoApprover, DECIDE, { id: pending.id, approve: true }))).toEqual([["FORBIDDEN", "decideApplication"]]);
    expect(await codes(ask(approver, DECIDE, { id: pending.id, approve: false }))).toEqual([["REASON_REQUIRED", "decideApplication"]]);
    expect(await codes(ask(approver, DECIDE, { id: pending.id, approve: false, reason: " " }))).toEqual([["REASON_REQUIRED", "decideApplication"]]);
    expect(await codes(ask(approver, DECIDE, { id: approved.id, approve: false, reason: "changed our mind" }))).toEqual([["INVALID_TRANSITION", "decideApplication"]]);
    expect(await codes(ask(water, ESCALATE, { id: pending.id }))).toEqual([["INVALID_TRANSITION", "escalateApplication"]]);
    expect(await codes(ask(approver, DECIDE, { id: "9999", approve: true }))).toEqual([["NOT_FOUND", "decideApplication"]]);
    expect(await codes(ask(approver, REVOKE, { id: "not-an-id", reason: "x" }))).toEqual([["NOT_FOUND", "revokeGrant"]]);
    // Refusals change nothing.
    expect(await ok(ask(water, `query ($id: ID!) { application(id: $id) { status ${HISTORY} } }`, { id: pending.id }), "application"))
      .toMatchObject({ status: "PENDING", history: [{ action: "APPLY" }] });
  });

  it("Art. 21: rejected with a reason → the applicant escalates → the cac-office coordinates a grant", async () => {
    const filed = await apply(water, { coordinates: ["Enterprise.inspections"], validDays: 30 });
    everyApplication.push(filed.id);
    const rejected = await ok<ApplicationJson>(ask(approver, DECIDE, { id: filed.id, approve: false, reason: "outside the agreed scope" }), "decideApplication");
    expect(rejected).toMatchObject({ status: "REJECTED", reason: "outside the agreed scope", grant: null });
    expect(await codes(ask(permits, ESCALATE, { id: filed.id }))).toEqual([["FORBIDDEN", "escalateApplication"]]);
    const escalated = await ok<ApplicationJson>(ask(water, ESCALATE, { id: filed.id, note: "needed for river-basin enforcement" }), "escalateApplication");
    expect(escalated).toMatchObject({ status: "ESCALATED", reason: "outside the agreed scope", overdue: false });
    expect(await codes(ask(approver, COORDINATE, { id: filed.id, approve: true, reason: "x" }))).toEqual([["FORBIDDEN", "coordinateApplication"]]);
    expect(await codes(ask(cacOffice, COORDINATE, { id: filed.id, approve: true, reason: "" }))).toEqual([["REASON_REQUIRED", "coordinateApplication"]]);
    const coordinated = await ok<ApplicationJson>(ask(cacOffice, COORDINATE, { id: filed.id, approve: true, reason: "Art. 21: basin enforcement needs it" }), "coordinateApplication");
    expect(coordinated).toMatchObject({ status: "APPROVED", grant: { status: "ACTIVE", coordinated: true, validUntil: "2026-05-07" } });
    escalatedGrant = coordinated.grant!.id;
    expect(gatewayState()).toMatchObject({ version: 2, nextChangeAt: new Date("2026-05-07T16:00:00.000Z") });
    expect(gatewayState().grants.find((g) => g.id === escalatedGrant)).toEqual({
      id: escalatedGrant, unit: "water", coordinates: ["Enterprise.inspections"], purpose: "BUSINESS_COLLABORATION", coordinated: true, validUntil: "2026-05-07",
    });
  });

  it("Art. 22: an application for NOT_SHARED data starts with the cac-office, the provider informed", async () => {
    const filed = await apply(permits, { coordinates: ["Inspection.informant"], purpose: "ADMINISTRATIVE_BASIS" });
    everyApplication.push(filed.id);
    expect(filed).toMatchObject({ status: "ESCALATED", provider: "enforcement", notShared: true, dueBy: "2026-04-14" });
    expect(await codes(ask(approver, DECIDE, { id: filed.id, approve: true }))).toEqual([["INVALID_TRANSITION", "decideApplication"]]);
    const notes = await ok<{ event: { subjectId: string } }[]>(ask(enforcementClerk, `{ notifications(unread: true) { event { subjectId } } }`), "notifications");
    expect(notes.map((n) => n.event.subjectId)).toContain(filed.id);
    const rejected = await ok<ApplicationJson>(ask(cacOffice, COORDINATE, { id: filed.id, approve: false, reason: "Art. 18 basis holds" }), "coordinateApplication");
    expect(rejected).toMatchObject({ status: "REJECTED", grant: null });
    // The cac-office's answer is final.
    expect(await codes(ask(permits, ESCALATE, { id: filed.id }))).toEqual([["INVALID_TRANSITION", "escalateApplication"]]);
  });

  it("Art. 23(4): an external department applies → the leading group endorses → the cac-office answers", async () => {
    const filed = await apply(mnr, { coordinates: ["Enterprise.legalRepresentative"], purpose: "DATA_VERIFICATION" });
    everyApplication.push(filed.id);
    // Submitted Tuesday 2026-04-07: 10 working days.
    expect(filed).toMatchObject({ applicant: "ext:mnr", provider: "info-center", status: "AWAITING_ENDORSEMENT", dueBy: "2026-04-21" });
    expect(await codes(ask(cacOffice, COORDINATE, { id: filed.id, approve: true, reason: "x" }))).toEqual([["INVALID_TRANSITION", "coordinateApplication"]]);
    expect(await codes(ask(cacOffice, ENDORSE, { id: filed.id, approve: true }))).toEqual([["FORBIDDEN", "endorseApplication"]]);
    expect(await codes(ask(leadingGroup, ENDORSE, { id: filed.id, approve: false }))).toEqual([["REASON_REQUIRED", "endorseApplication"]]);
    const endorsed = await ok<ApplicationJson>(ask(leadingGroup, ENDORSE, { id: filed.id, approve: true }), "endorseApplication");
    expect(endorsed.status).toBe("PENDING");
    expect(await codes(ask(infoApprover, DECIDE, { id: filed.id, approve: true }))).toEqual([["INVALID_TRANSITION", "decideApplication"]]);
    const answered = await ok<ApplicationJson>(ask(cacOffice, COORDINATE, { id: filed.id, approve: true, reason: "endorsed; within its duties" }), "coordinateApplication");
    expect(answered).toMatchObject({ status: "APPROVED", grant: { coordinated: true, status: "ACTIVE" } });
    expect(gatewayState().grants.map((g) => g.unit)).toContain("ext:mnr");
  });

  it("the applicant withdraws an application still awaiting an answer, once", async () => {
    const filed = await apply(permits, { coordinates: ["Enterprise.penalties"], purpose: "WORK_REFERENCE" });
    everyApplication.push(filed.id);
    expect(await codes(ask(approver, WITHDRAW, { id: filed.id }))).toEqual([["FORBIDDEN", "withdrawApplication"]]);
    expect(await ok(ask(permits, WITHDRAW, { id: filed.id }), "withdrawApplication")).toMatchObject({ status: "WITHDRAWN" });
    expect(await codes(ask(permits, WITHDRAW, { id: filed.id }))).toEqual([["INVALID_TRANSITION", "withdrawApplication"]]);
    expect(await codes(ask(permits, WITHDRAW, { id: approved.id }))).toEqual([["INVALID_TRANSITION", "withdrawApplication"]]);
  });

  it("revocation: the provider's approver or the cac-office, with a reason; the gateway drops the grant at once", async () => {
    const before = gatewayState();
    const grantId = approved.grant!.id;
    expect(await codes(ask(permits, REVOKE, { id: grantId, reason: "no longer needed" }))).toEqual([["FORBIDDEN", "revokeGrant"]]);
    expect(await codes(ask(infoApprover, REVOKE, { id: grantId, reason: "x" }))).toEqual([["FORBIDDEN", "revokeGrant"]]);
    expect(await codes(ask(approver, REVOKE, { id: grantId, reason: " " }))).toEqual([["REASON_REQUIRED", "revokeGrant"]]);
    const revoked = await ok(ask(approver, REVOKE, { id: grantId, reason: "Art. 25: shared onward to a contractor" }), "revokeGrant");
    expect(revoked).toMatchObject({ id: grantId, status: "REVOKED", revokedReason: "Art. 25: shared onward to a contractor" });
    const after = gatewayState();
    expect(after.version).toBe(before.version + 1);
    expect(after.grants.map((g) => g.id)).not.toContain(grantId);
    expect(await codes(ask(cacOffice, REVOKE, { id: grantId, reason: "again" }))).toEqual([["INVALID_TRANSITION", "revokeGrant"]]);
    expect(await ok(ask(permits, `query ($id: ID!) { grant(id: $id) { history { action from to unit reason } } }`, { id: grantId }), "grant")).toEqual({
      history: [{ action: "REVOKE", from: "ACTIVE", to: "REVOKED", unit: "enforcement", reason: "Art. 25: shared onward to a contractor" }],
    });
  });

  it("lists to each requester only what it is party to; the overseers see everything", async () => {
    const all = await ok<{ id: string }[]>(ask(cacOffice, APPLICATIONS), "applications");
    expect(ids(all)).toEqual([...everyApplication].sort((a, b) => Number(a) - Number(b)));
    expect(ids(await ok(ask(leadingGroup, APPLICATIONS), "applications"))).toEqual(ids(all));
    expect(ids(await ok(ask(security, APPLICATIONS), "applications"))).toEqual(ids(all));
    const mine = await ok<{ applicant: string; provider: string }[]>(ask(permits, APPLICATIONS), "applications");
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((a) => a.applicant === "permits" || a.provider === "permits")).toBe(true);
    const addressed = await ok<{ provider: string }[]>(ask(enforcementClerk, APPLICATIONS), "applications");
    expect(addressed.every((a) => a.provider === "enforcement")).toBe(true);
    expect(await ok(ask({ unit: "soil" }, APPLICATIONS), "applications")).toEqual([]);
    expect(await ok(ask(mnr, APPLICATIONS), "applications")).toEqual([expect.objectContaining({ applicant: "ext:mnr" })]);
    expect(await ok(ask({ unit: "soil" }, `query ($id: ID!) { application(id: $id) { id } }`, { id: approved.id }), "application")).toBeNull();
    // Filters narrow what is visible, never widen it.
    expect(await ok(ask(permits, APPLICATIONS, { filter: { applicant: "water" } }), "applications")).toEqual([]);
    expect(await ok(ask(cacOffice, APPLICATIONS, { filter: { status: ["WITHDRAWN"], unit: "permits" } }), "applications"))
      .toEqual([expect.objectContaining({ applicant: "permits", status: "WITHDRAWN" })]);
    expect(await ok(ask(cacOffice, APPLICATIONS, { filter: { coordinate: "Inspection.informant" } }), "applications"))
      .toEqual([expect.objectContaining({ status: "REJECTED" })]);

    const holders = await ok<{ unit: string; provider: string; status: string }[]>(ask(security, GRANTS), "grants");
    expect(holders.map((g) => [g.unit, g.status]).sort()).toEqual([["ext:mnr", "ACTIVE"], ["permits", "REVOKED"], ["water", "ACTIVE"]]);
    expect(await ok(ask(water, GRANTS), "grants")).toEqual([expect.objectContaining({ id: escalatedGrant, unit: "water" })]);
    expect((await ok<unknown[]>(ask(approver, GRANTS), "grants")).length).toBe(2);
    expect(await ok(ask(approver, GRANTS, { filter: { status: ["ACTIVE"] } }), "grants")).toEqual([expect.objectContaining({ unit: "water" })]);
    expect(await ok(ask({ unit: "soil" }, GRANTS), "grants")).toEqual([]);
    expect(await ok(ask(security, GRANTS, { filter: { applicationId: approved.id } }), "grants")).toEqual([expect.objectContaining({ unit: "permits" })]);
    expect(await ok(ask(security, GRANTS, { filter: { applicationId: "not-an-id" } }), "grants")).toEqual([]);
  });

  it("counts deadlines: a pending application past its dueBy is overdue", async () => {
    const pending = await ok<ApplicationJson[]>(ask(cacOffice, `{ applications(filter: { status: PENDING }) { id dueBy overdue } }`), "applications");
    // Filed on Tuesday 2026-04-07: due the following Tuesday.
    expect(pending).toEqual([expect.objectContaining({ dueBy: "2026-04-14", overdue: false })]);
    clock = new Date("2026-04-15T01:00:00Z");
    expect(await ok(ask(cacOffice, `{ overdueApplications { id dueBy overdue } }`), "overdueApplications"))
      .toEqual([{ id: pending[0]!.id, dueBy: "2026-04-14", overdue: true }]);
    expect(await ok(ask(water, `{ applications(filter: { overdue: true }) { id } }`), "applications")).toEqual([{ id: pending[0]!.id }]);
    expect(await ok(ask(enforcementClerk, `{ applications(filter: { overdue: false, provider: "enforcement" }) { overdue } }`), "applications"))
      .not.toContainEqual({ overdue: true });
  });

  it("Art. 29: the cac-office suspends a unit for 6 months, the gateway sees it, and lifts it", async () => {
    clock = new Date("2026-08-31T04:00:00Z");
    const before = gatewayState().version;
    expect(await codes(ask(leadingGroup, SUSPEND, { unit: "soil", reason: "stale data" }))).toEqual([["FORBIDDEN", "suspendUnit"]]);
    expect(await codes(ask(cacOffice, SUSPEND, { unit: "Soil!", reason: "stale data" }))).toEqual([["BAD_USER_INPUT", "suspendUnit"]]);
    expect(await codes(ask(cacOffice, SUSPEND, { unit: "soil", reason: "" }))).toEqual([["REASON_REQUIRED", "suspendUnit"]]);
    expect(await codes(ask(cacOffice, LIFT, { unit: "soil", reason: "rectified" }))).toEqual([["INVALID_TRANSITION", "liftSuspension"]]);
    const suspension = await ok(ask(cacOffice, SUSPEND, { unit: "soil", reason: "Art. 29: stale data, not rectified" }), "suspendUnit");
    expect(suspension).toEqual({ unit: "soil", reason: "Art. 29: stale data, not rectified", since: "2026-08-31T04:00:00.000Z", until: "2027-02-28", active: true });
    expect(gatewayState()).toMatchObject({ version: before + 1, suspensions: [{ unit: "soil", until: "2027-02-28" }] });
    expect(await codes(ask(cacOffice, SUSPEND, { unit: "soil", reason: "again" }))).toEqual([["INVALID_TRANSITION", "suspendUnit"]]);
    // Every requester sees suspensions, external ones included; the suspended unit is told.
    expect(await ok(ask(mnr, `{ suspensions { unit active } }`), "suspensions")).toEqual([{ unit: "soil", active: true }]);
    expect(await ok(ask({ unit: "soil" }, `{ notifications { event { subject action reason } } }`), "notifications"))
      .toEqual([{ event: { subject: "SUSPENSION", action: "SUSPEND", reason: "Art. 29: stale data, not rectified" } }]);
    const lifted = await ok(ask(cacOffice, LIFT, { unit: "soil", reason: "rectified in September" }), "liftSuspension");
    expect(lifted).toMatchObject({ unit: "soil", active: false, liftReason: "rectified in September" });
    expect(gatewayState()).toMatchObject({ version: before + 2, suspensions: [] });
  });

  it("SPEC §5: our units' requests for external resources are reviewed by the leading group", async () => {
    const REQUEST = `mutation ($input: ExternalResourceInput!) { requestExternalResource(input: $input) { id unit department status } }`;
    const REVIEW = `mutation ($id: ID!, $approve: Boolean!, $reason: String) { reviewExternalRequest(id: $id, approve: $approve, reason: $reason) { id status reason } }`;
    const input = { department: "ext:mnr", resource: "land-use survey parcels", purpose: "WORK_REFERENCE", justification: "soil remediation planning" };
    expect(await codes(ask(mnr, REQUEST, { input }))).toEqual([["FORBIDDEN", "requestExternalResource"]]);
    expect(await codes(ask({ unit: "soil" }, REQUEST, { input: { ...input, department: "mnr" } }))).toEqual([["BAD_USER_INPUT", "requestExternalResource"]]);
    const filed = await ok<{ id: string }>(ask({ unit: "soil" }, REQUEST, { input }), "requestExternalResource");
    expect(filed).toMatchObject({ unit: "soil", department: "ext:mnr", status: "AWAITING_REVIEW" });
    expect(await codes(ask(cacOffice, REVIEW, { id: filed.id, approve: true }))).toEqual([["FORBIDDEN", "reviewExternalRequest"]]);
    expect(await codes(ask(leadingGroup, REVIEW, { id: filed.id, approve: false }))).toEqual([["REASON_REQUIRED", "reviewExternalRequest"]]);
    expect(await ok(ask(leadingGroup, REVIEW, { id: filed.id, approve: true }), "reviewExternalRequest")).toEqual({ id: filed.id, status: "FORWARDED", reason: null });
    expect(await ok(ask({ unit: "soil" }, `{ externalRequests { id status history { action to } } }`), "externalRequests")).toEqual([
      { id: filed.id, status: "FORWARDED", history: [{ action: "REQUEST", to: "AWAITING_REVIEW" }, { action: "REVIEW", to: "FORWARDED" }] },
    ]);
    expect(await ok(ask({ unit: "water" }, `{ externalRequests { id } }`), "externalRequests")).toEqual([]);
  });

  it("counts a late-December deadline into 2027 by weekends only, and warns once", async () => {
    clock = new Date("2026-12-28T02:00:00Z");
    expect(await apply(permits, { coordinates: ["Enterprise.inspections"] })).toMatchObject({ dueBy: "2027-01-04" });
    expect(await apply(water, { coordinates: ["Enterprise.inspections"] })).toMatchObject({ dueBy: "2027-01-04" });
    expect(warnings).toEqual(["no holiday schedule for 2027: its deadlines count weekends only; add the State Council's schedule"]);
  });

  it("keeps everything across a crash and restart: the store is reopened, the supergraph still known", async () => {
    const state = gatewayState();
    const listed = await ok(ask(cacOffice, APPLICATIONS), "applications");
    await served.stop();
    served = await startUnit(unit, new PlatformPublicKeys(dir.path), dir.path);
    expect(gatewayState()).toEqual(state);
    expect(await ok(ask(cacOffice, APPLICATIONS), "applications")).toEqual(listed);
    expect(await apply(mnr, { coordinates: ["Enterprise.legalRepresentative"], purpose: "DATA_VERIFICATION" })).toMatchObject({ status: "AWAITING_ENDORSEMENT" });
  });
});

describe("the governance subgraph without a vouched-for requester", () => {
  it("answers FORBIDDEN: it acts only for requesters the gateway signed for", async () => {
    const alone = await startUnit(governanceUnit({ env: {} }));
    try {
      const response = await postGraphQL(alone.running.url, `{ suspensions { unit } }`);
      expect(errorCodes(response.body)).toEqual([["FORBIDDEN", "suspensions"]]);
    } finally {
      await alone.stop();
    }
  });
});
