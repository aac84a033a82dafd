import { describe, expect, it } from "vitest";
import { evaluateShare, type Decision, type Grant, type Requester } from "../../directives/share/evaluate.js";
import { SHARE_PURPOSES, type FieldPolicy, type SharePurpose, type ShareRule } from "../../directives/share/rule.js";

const rule = (overrides: Partial<ShareRule>): ShareRule => ({
  class: "UNCONDITIONAL",
  scope: [],
  purposes: SHARE_PURPOSES,
  approval: false,
  mask: "NONE",
  basis: null,
  ...overrides,
});
const field = (r: ShareRule | null, owner = "enforcement", coordinate = "Enterprise.inspections"): FieldPolicy => ({ coordinate, owner, rule: r });
const unit = (code: string, roles: string[] = []): Requester => ({ unit: code, principal: `${code}-user`, roles });
const grant = (over: Partial<Grant> = {}): Grant => ({
  id: "g1",
  unit: "permits",
  coordinates: ["Enterprise.inspections"],
  purpose: "WORK_REFERENCE",
  coordinated: false,
  ...over,
});

const ALLOWED = (reason: Decision["reason"], grantId: string | null = null): Decision => ({ decision: "ALLOWED", reason, grantId });
const DENIED = (reason: Decision["reason"]): Decision => ({ decision: "DENIED", reason, grantId: null });
const CONDITIONAL = rule({ class: "CONDITIONAL", scope: ["atmosphere", "water"], purposes: ["BUSINESS_COLLABORATION", "DATA_VERIFICATION"] });
const NOT_SHARED = rule({ class: "NOT_SHARED", basis: "《环境保护法》第五十七条" });

interface Row {
  policy: FieldPolicy;
  requester: Requester;
  purpose: SharePurpose | null;
  grants?: Grant[];
  suspended?: boolean;
  expected: Decision;
}

// One row per rule of SPEC §2–3 and CONTRACT §4, named after its article.
const ROWS: [string, Row][] = [
  ["SPEC §2: a unit always reads its own data, without a purpose", { policy: field(NOT_SHARED), requester: unit("enforcement"), purpose: null, expected: ALLOWED("OWN_DATA") }],
  ["SPEC §2: own data stays readable while suspended", { policy: field(CONDITIONAL), requester: unit("enforcement"), purpose: null, suspended: true, expected: ALLOWED("OWN_DATA") }],
  ["Art. 29: a suspended unit gets nothing of others'", { policy: field(rule({})), requester: unit("water"), purpose: "WORK_REFERENCE", suspended: true, expected: DENIED("SUSPENDED") }],
  ["Art. 29: suspension comes before every other rule", { policy: field(null), requester: unit("water"), purpose: null, suspended: true, expected: DENIED("SUSPENDED") }],
  ["CONTRACT §3: an unclassified field is denied", { policy: field(null), requester: unit("water"), purpose: "WORK_REFERENCE", expected: DENIED("UNCLASSIFIED") }],
  ["Art. 15(3): NOT_SHARED is for its owner only", { policy: field(NOT_SHARED), requester: unit("water"), purpose: "WORK_REFERENCE", expected: DENIED("NOT_SHARED") }],
  ["Art. 15(3): NOT_SHARED even to a unit holding an ordinary grant", { policy: field(NOT_SHARED), requester: unit("permits"), purpose: "WORK_REFERENCE", grants: [grant()], expected: DENIED("NOT_SHARED") }],
  ["Art. 22: a coordinated grant opens NOT_SHARED data for its purpose", { policy: field(NOT_SHARED), requester: unit("permits"), purpose: "WORK_REFERENCE", grants: [grant({ coordinated: true })], expected: ALLOWED("GRANTED", "g1") }],
  ["Art. 22: …and for no other purpose", { policy: field(NOT_SHARED), requester: unit("permits"), purpose: "DATA_VERIFICATION", grants: [grant({ coordinated: true })], expected: DENIED("NOT_SHARED") }],
  ["Art. 22: NOT_SHARED is denied before a missing purpose is", { policy: field(NOT_SHARED), requester: unit("water"), purpose: null, expected: DENIED("NOT_SHARED") }],
  ["SPEC §3: reading another unit's data needs a purpose", { policy: field(rule({})), requester: unit("water"), purpose: null, expected: DENIED("PURPOSE_REQUIRED") }],
  ["Art. 17: a purpose the field does not allow is denied", { policy: field(CONDITIONAL), requester: unit("water"), purpose: "WORK_REFERENCE", expected: DENIED("PURPOSE_NOT_ALLOWED") }],
  ["Art. 17: a grant does not widen the field's purposes", { policy: field(CONDITIONAL), requester: unit("permits"), purpose: "WORK_REFERENCE", grants: [grant()], expected: DENIED("PURPOSE_NOT_ALLOWED") }],
  ["Art. 21: an approved application opens a CONDITIONAL field out of scope", { policy: field(CONDITIONAL), requester: unit("permits"), purpose: "DATA_VERIFICATION", grants: [grant({ purpose: "DATA_VERIFICATION" })], expected: ALLOWED("GRANTED", "g1") }],
  ["Art. 21: a grant is the requester's own, not another unit's", { policy: field(CONDITIONAL), requester: unit("soil"), purpose: "DATA_VERIFICATION", grants: [grant({ purpose: "DATA_VERIFICATION" })], expected: DENIED("OUT_OF_SCOPE") }],
  ["Art. 21: a grant is for its coordinates only", { policy: field(CONDITIONAL, "enforcement", "Enterprise.penalties"), requester: unit("permits"), purpose: "DATA_VERIFICATION", grants: [grant({ purpose: "DATA_VERIFICATION" })], expected: DENIED("OUT_OF_SCOPE") }],
  ["Art. 15(2): CONDITIONAL goes to the units in scope", { policy: field(CONDITIONAL), requester: unit("water"), purpose: "BUSINESS_COLLABORATION", expected: ALLOWED("SHARED") }],
  ["Art. 15(2): CONDITIONAL is denied out of scope", { policy: field(CONDITIONAL), requester: unit("permits"), purpose: "BUSINESS_COLLABORATION", expected: DENIED("OUT_OF_SCOPE") }],
  ["Art. 15(2) \"only in part\": out of scope with mask PARTIAL is masked", { policy: field(rule({ class: "CONDITIONAL", scope: ["permits"], mask: "PARTIAL" })), requester: unit("water"), purpose: "WORK_REFERENCE", expected: { decision: "MASKED", reason: "OUT_OF_SCOPE", grantId: null } }],
  ["Art. 15(2): scope \"internal\" covers every ministry unit", { policy: field(rule({ class: "CONDITIONAL", scope: ["internal"] })), requester: unit("nuclear"), purpose: "WORK_REFERENCE", expected: ALLOWED("SHARED") }],
  ["Art. 23(2): scope \"internal\" excludes external departments", { policy: field(rule({ class: "CONDITIONAL", scope: ["internal"] })), requester: unit("ext:mnr"), purpose: "WORK_REFERENCE", expected: DENIED("OUT_OF_SCOPE") }],
  ["Art. 23(2): scope \"external\" covers external departments", { policy: field(rule({ class: "CONDITIONAL", scope: ["external"] })), requester: unit("ext:mnr"), purpose: "WORK_REFERENCE", expected: ALLOWED("SHARED") }],
  ["Art. 23(2): scope \"ext:<dept>\" names one department", { policy: field(rule({ class: "CONDITIONAL", scope: ["ext:mwr"] })), requester: unit("ext:mnr"), purpose: "WORK_REFERENCE", expected: DENIED("OUT_OF_SCOPE") }],
  ["SPEC §1: scope \"role:security\" covers the security team", { policy: field(rule({ class: "CONDITIONAL", scope: ["role:security"] })), requester: unit("info-center", ["security"]), purpose: "WORK_REFERENCE", expected: ALLOWED("SHARED") }],
  ["Art. 21: approval: true needs an application even in scope", { policy: field(rule({ class: "CONDITIONAL", scope: ["water"], approval: true })), requester: unit("water"), purpose: "WORK_REFERENCE", expected: DENIED("APPROVAL_REQUIRED") }],
  ["Art. 21: …which its grant satisfies", { policy: field(rule({ class: "CONDITIONAL", scope: ["permits"], approval: true })), requester: unit("permits"), purpose: "WORK_REFERENCE", grants: [grant()], expected: ALLOWED("GRANTED", "g1") }],
  ["Art. 20, 23(1): UNCONDITIONAL goes to every unit for an allowed purpose", { policy: field(rule({})), requester: unit("water"), purpose: "ADMINISTRATIVE_BASIS", expected: ALLOWED("SHARED") }],
  ["Art. 23(3): UNCONDITIONAL goes to external departments too", { policy: field(rule({})), requester: unit("ext:mnr"), purpose: "ADMINISTRATIVE_BASIS", expected: ALLOWED("SHARED") }],
];

describe("evaluateShare (CONTRACT §4, in rule order)", () => {
  it.each(ROWS)("%s", (_name, row) => {
    expect(
      evaluateShare({
        policy: row.policy,
        requester: row.requester,
        purpose: row.purpose,
        grants: row.grants ?? [],
        suspended: row.suspended ?? false,
      }),
    ).toEqual(row.expected);
  });
});
