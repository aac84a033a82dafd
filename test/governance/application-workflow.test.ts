import { describe, expect, it } from "vitest";
import type { Actor } from "../../governance/actor.js";
import {
  applicationTransition,
  isOverdue,
  openApplication,
  type ApplicationAction,
  type ApplicationState,
  type ApplicationStatus,
} from "../../governance/application-workflow.js";
import { checkExternalRequest, reviewTransition } from "../../governance/external-request-workflow.js";
import { checkLifting, checkRevocation, checkSuspension, grantStatus, suspensionActive } from "../../governance/supervision-workflow.js";

// Internal: permits asks enforcement; external: ext:mnr asks enforcement.
const internal = (status: ApplicationStatus, extra: Partial<ApplicationState> = {}): ApplicationState => ({
  status, applicant: "permits", provider: "enforcement", notShared: false, escalated: false, ...extra,
});
const external = (status: ApplicationStatus): ApplicationState => ({ ...internal(status), applicant: "ext:mnr" });

const actor = (unit: string, ...roles: string[]): Actor => ({ unit, roles });
const approver = actor("enforcement", "approver");
const otherApprover = actor("water", "approver");
const providerClerk = actor("enforcement");
const applicant = actor("permits");
const externalApplicant = actor("ext:mnr");
const cacOffice = actor("info-center", "cac-office");
const leadingGroup = actor("info-center", "leading-group");

const approve = (kind: "decide" | "endorse", reason: string | null = null): ApplicationAction => ({ kind, approve: true, reason });
const reject = (kind: "decide" | "endorse", reason: string | null): ApplicationAction => ({ kind, approve: false, reason });
const coordinate = (ok: boolean, reason: string): ApplicationAction => ({ kind: "coordinate", approve: ok, reason });
const escalate: ApplicationAction = { kind: "escalate", note: "we need it for joint inspections" };
const withdraw: ApplicationAction = { kind: "withdraw" };

type Outcome = { status: ApplicationStatus; grant: { coordinated: boolean } | null } | string;

describe("the application workflow (pure)", () => {
  it.each<[string, ApplicationState, Actor, ApplicationAction, Outcome]>([
    // Art. 21: internal applications, decided by the provider's approver within 5 working days.
    ["Art. 21: the provider's approver approves a pending application → a grant", internal("PENDING"), approver, approve("decide"), { status: "APPROVED", grant: { coordinated: false } }],
    ["Art. 21: the provider's approver rejects with a reason", internal("PENDING"), approver, reject("decide", "no legal basis for this use"), { status: "REJECTED", grant: null }],
    ["Art. 21: a rejection without a reason", internal("PENDING"), approver, reject("decide", null), "REASON_REQUIRED"],
    ["Art. 21: a rejection with a blank reason", internal("PENDING"), approver, reject("decide", "  "), "REASON_REQUIRED"],
    ["Art. 21: the provider without the approver role", internal("PENDING"), providerClerk, approve("decide"), "FORBIDDEN"],
    ["Art. 21: another unit's approver", internal("PENDING"), otherApprover, approve("decide"), "FORBIDDEN"],
    ["Art. 21: the applicant approves its own application", internal("PENDING"), actor("permits", "approver"), approve("decide"), "FORBIDDEN"],
    ["Art. 21: deciding an application already approved", internal("APPROVED"), approver, approve("decide"), "INVALID_TRANSITION"],
    ["Art. 21: deciding a withdrawn application", internal("WITHDRAWN"), approver, reject("decide", "late"), "INVALID_TRANSITION"],
    ["Art. 21: who is checked before when: a stranger on a closed application", internal("APPROVED"), otherApprover, approve("decide"), "FORBIDDEN"],
    ["Art. 21: the applicant escalates a rejection to the cac-office", internal("REJECTED"), applicant, escalate, { status: "ESCALATED", grant: null }],
    ["Art. 21: only the applicant escalates", internal("REJECTED"), approver, escalate, "FORBIDDEN"],
    ["Art. 21: a pending application is not escalated", internal("PENDING"), applicant, escalate, "INVALID_TRANSITION"],
    ["Art. 21: the cac-office's rejection is final", internal("REJECTED", { escalated: true }), applicant, escalate, "INVALID_TRANSITION"],
    ["Art. 21: the cac-office approves an escalated application → a coordinated grant", internal("ESCALATED", { escalated: true }), cacOffice, coordinate(true, "joint inspections need it"), { status: "APPROVED", grant: { coordinated: true } }],
    ["Art. 21: the cac-office rejects an escalated application", internal("ESCALATED", { escalated: true }), cacOffice, coordinate(false, "the provider was right"), { status: "REJECTED", grant: null }],
    ["Art. 21: the cac-office always gives its reason", internal("ESCALATED", { escalated: true }), cacOffice, coordinate(true, ""), "REASON_REQUIRED"],
    ["Art. 21: only the cac-office coordinates", internal("ESCALATED", { escalated: true }), approver, coordinate(true, "ok"), "FORBIDDEN"],
    ["Art. 21: the cac-office does not take a pending internal application from its provider", internal("PENDING"), cacOffice, coordinate(true, "ok"), "INVALID_TRANSITION"],
    ["Art. 21: the applicant withdraws a pending application", internal("PENDING"), applicant, withdraw, { status: "WITHDRAWN", grant: null }],
    ["Art. 21: the applicant withdraws an escalated application", internal("ESCALATED", { escalated: true }), applicant, withdraw, { status: "WITHDRAWN", grant: null }],
    ["Art. 21: only the applicant withdraws", internal("PENDING"), approver, withdraw, "FORBIDDEN"],
    ["Art. 21: an approved application is not withdrawn", internal("APPROVED"), applicant, withdraw, "INVALID_TRANSITION"],
    // Art. 22: NOT_SHARED data, only through the cac-office.
    ["Art. 22: the provider cannot decide a NOT_SHARED application (it starts escalated)", internal("ESCALATED", { notShared: true, escalated: true }), approver, approve("decide"), "INVALID_TRANSITION"],
    ["Art. 22: the cac-office grants NOT_SHARED data → a coordinated grant", internal("ESCALATED", { notShared: true, escalated: true }), cacOffice, coordinate(true, "court order"), { status: "APPROVED", grant: { coordinated: true } }],
    ["Art. 22: a NOT_SHARED rejection by the cac-office is not escalated again", internal("REJECTED", { notShared: true, escalated: true }), applicant, escalate, "INVALID_TRANSITION"],
    // Art. 23(4): external departments — the leading group endorses, then the cac-office answers.
    ["Art. 23(4): the leading group endorses → awaiting the cac-office", external("AWAITING_ENDORSEMENT"), leadingGroup, approve("endorse"), { status: "PENDING", grant: null }],
    ["Art. 23(4): the leading group rejects with a reason", external("AWAITING_ENDORSEMENT"), leadingGroup, reject("endorse", "not within its duties"), { status: "REJECTED", grant: null }],
    ["Art. 23(4): the leading group's rejection needs a reason", external("AWAITING_ENDORSEMENT"), leadingGroup, reject("endorse", null), "REASON_REQUIRED"],
    ["Art. 23(4): only the leading group endorses", external("AWAITING_ENDORSEMENT"), cacOffice, approve("endorse"), "FORBIDDEN"],
    ["Art. 23(4): endorsing twice", external("PENDING"), leadingGroup, approve("endorse"), "INVALID_TRANSITION"],
    ["Art. 23(4): internal applications are not endorsed", internal("PENDING"), leadingGroup, approve("endorse"), "INVALID_TRANSITION"],
    ["Art. 23(4): the cac-office answers an endorsed application → a coordinated grant", external("PENDING"), cacOffice, coordinate(true, "endorsed, within duties"), { status: "APPROVED", grant: { coordinated: true } }],
    ["Art. 23(4): the cac-office does not answer before the endorsement", external("AWAITING_ENDORSEMENT"), cacOffice, coordinate(true, "ok"), "INVALID_TRANSITION"],
    ["Art. 23(4): the provider does not decide an external application", external("PENDING"), approver, approve("decide"), "INVALID_TRANSITION"],
    ["Art. 23(4): an external rejection is not escalated", external("REJECTED"), externalApplicant, escalate, "INVALID_TRANSITION"],
    ["Art. 23(4): the external applicant withdraws while awaiting endorsement", external("AWAITING_ENDORSEMENT"), externalApplicant, withdraw, { status: "WITHDRAWN", grant: null }],
  ])("%s", (_name, state, who, action, expected) => {
    const result = applicationTransition(state, who, action);
    if (typeof expected === "string") expect(result).toMatchObject({ ok: false, code: expected });
    else expect(result.ok ? { status: result.state.status, grant: result.grant } : result).toEqual(expected);
  });

  it.each<[string, string, boolean, { status: ApplicationStatus; escalated: boolean; workingDays: number }]>([
    ["Art. 21: an internal application awaits its provider, 5 working days", "permits", false, { status: "PENDING", escalated: false, workingDays: 5 }],
    ["Art. 22: an internal application for NOT_SHARED data goes to the cac-office, 5 working days", "permits", true, { status: "ESCALATED", escalated: true, workingDays: 5 }],
    ["Art. 23(4): an external application awaits the leading group, 10 working days", "ext:mnr", false, { status: "AWAITING_ENDORSEMENT", escalated: false, workingDays: 10 }],
    ["Art. 23(4): external, even for NOT_SHARED data, is endorsed first", "ext:mnr", true, { status: "AWAITING_ENDORSEMENT", escalated: false, workingDays: 10 }],
  ])("%s", (_name, who, notShared, expected) => {
    const { state, workingDays } = openApplication(who, "enforcement", notShared);
    expect({ status: state.status, escalated: state.escalated, workingDays }).toEqual(expected);
  });

  it.each<[string, ApplicationState, boolean]>([
    ["SPEC §5: a pending application past its dueBy", internal("PENDING"), true],
    ["SPEC §5: an application awaiting endorsement past its dueBy", external("AWAITING_ENDORSEMENT"), true],
    ["Art. 22: a NOT_SHARED application the cac-office has not answered", internal("ESCALATED", { notShared: true, escalated: true }), true],
    ["SPEC §5: an escalation after a rejection has no deadline", internal("ESCALATED", { escalated: true }), false],
    ["an answered application is never overdue", internal("APPROVED"), false],
  ])("%s", (_name, state, overdue) => {
    expect(isOverdue(state, "2026-04-13", "2026-04-14")).toBe(overdue);
    expect(isOverdue(state, "2026-04-13", "2026-04-13")).toBe(false);
  });
});

describe("grants and suspensions (pure)", () => {
  const grant = { status: "ACTIVE" as const, provider: "enforcement" };
  it.each<[string, () => { ok: boolean; code?: string }, string]>([
    ["revocation: the provider's approver", () => checkRevocation(grant, approver, "misuse found in the audit log"), "ok"],
    ["revocation: the cac-office", () => checkRevocation(grant, cacOffice, "Art. 25 misuse"), "ok"],
    ["revocation: the holder cannot", () => checkRevocation(grant, applicant, "no longer needed"), "FORBIDDEN"],
    ["revocation: a revoked grant", () => checkRevocation({ ...grant, status: "REVOKED" }, approver, "again"), "INVALID_TRANSITION"],
    ["revocation: an expired grant", () => checkRevocation({ ...grant, status: "EXPIRED" }, approver, "late"), "INVALID_TRANSITION"],
    ["revocation: without a reason", () => checkRevocation(grant, approver, " "), "REASON_REQUIRED"],
    ["Art. 29: the cac-office suspends a unit", () => checkSuspension("soil", false, cacOffice, "stale data for 3 months"), "ok"],
    ["Art. 29: the cac-office suspends an external department", () => checkSuspension("ext:mnr", false, cacOffice, "Art. 25 misuse"), "ok"],
    ["Art. 29: only the cac-office suspends", () => checkSuspension("soil", false, leadingGroup, "stale"), "FORBIDDEN"],
    ["Art. 29: not a unit code", () => checkSuspension("Soil Bureau", false, cacOffice, "stale"), "BAD_USER_INPUT"],
    ["Art. 29: a unit already suspended", () => checkSuspension("soil", true, cacOffice, "stale"), "INVALID_TRANSITION"],
    ["Art. 29: a suspension without a reason", () => checkSuspension("soil", false, cacOffice, ""), "REASON_REQUIRED"],
    ["Art. 29: the cac-office lifts a suspension", () => checkLifting("soil", true, cacOffice, "rectified"), "ok"],
    ["Art. 29: lifting a unit that is not suspended", () => checkLifting("soil", false, cacOffice, "rectified"), "INVALID_TRANSITION"],
    ["Art. 29: only the cac-office lifts", () => checkLifting("soil", true, actor("soil", "approver"), "rectified"), "FORBIDDEN"],
  ])("%s", (_name, check, expected) => {
    const result = check();
    expect(result.ok ? "ok" : result.code).toBe(expected);
  });

  it("a grant is active through its validUntil day, then expired; revoked whatever the day", () => {
    expect(grantStatus({ revoked: false, validUntil: "2027-04-03" }, "2027-04-03")).toBe("ACTIVE");
    expect(grantStatus({ revoked: false, validUntil: "2027-04-03" }, "2027-04-04")).toBe("EXPIRED");
    expect(grantStatus({ revoked: true, validUntil: "2027-04-03" }, "2026-04-04")).toBe("REVOKED");
  });

  it("Art. 29: a suspension holds through its until day unless lifted", () => {
    expect(suspensionActive({ lifted: false, until: "2027-02-28" }, "2027-02-28")).toBe(true);
    expect(suspensionActive({ lifted: false, until: "2027-02-28" }, "2027-03-01")).toBe(false);
    expect(suspensionActive({ lifted: true, until: "2027-02-28" }, "2026-09-01")).toBe(false);
  });
});

describe("requests for external resources (SPEC §5, pure)", () => {
  const input = { department: "ext:mnr", resource: "land-use survey parcels", justification: "soil remediation planning" };
  it.each<[string, () => { ok: boolean; code?: string; status?: string }, string]>([
    ["an internal unit asks", () => checkExternalRequest(actor("soil"), input), "ok"],
    ["an external department does not ask through us", () => checkExternalRequest(externalApplicant, input), "FORBIDDEN"],
    ["the department must be ext:<code>", () => checkExternalRequest(actor("soil"), { ...input, department: "mnr" }), "BAD_USER_INPUT"],
    ["the justification is required", () => checkExternalRequest(actor("soil"), { ...input, justification: "" }), "BAD_USER_INPUT"],
    ["the leading group forwards", () => reviewTransition("AWAITING_REVIEW", leadingGroup, true, null), "FORWARDED"],
    ["the leading group rejects with a reason", () => reviewTransition("AWAITING_REVIEW", leadingGroup, false, "duplicate of an earlier request"), "REJECTED"],
    ["a rejection needs a reason", () => reviewTransition("AWAITING_REVIEW", leadingGroup, false, null), "REASON_REQUIRED"],
    ["only the leading group reviews", () => reviewTransition("AWAITING_REVIEW", cacOffice, true, null), "FORBIDDEN"],
    ["a forwarded request is not reviewed again", () => reviewTransition("FORWARDED", leadingGroup, false, "changed our mind"), "INVALID_TRANSITION"],
  ])("%s", (_name, check, expected) => {
    const result = check();
    expect(result.ok ? (result.status ?? "ok") : result.code).toBe(expected);
  });
});
