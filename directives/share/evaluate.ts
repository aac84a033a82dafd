import type { FieldPolicy, SharePurpose, ShareRule } from "./rule.js";

/** Who asks: from a verified credential, never from a header a client can set (SPEC §4). */
export interface Requester {
  readonly unit: string;
  readonly principal: string;
  readonly roles: readonly string[];
}

/** An active grant held by the requester (Art. 21–23); `coordinated`: by the cac-office (Art. 22). */
export interface Grant {
  readonly id: string;
  readonly unit: string;
  readonly coordinates: readonly string[];
  readonly purpose: SharePurpose;
  readonly coordinated: boolean;
}

export type ShareDecision = "ALLOWED" | "MASKED" | "DENIED";

/** Why: the denial reasons of CONTRACT §4, and what allowed a field. */
export type DecisionReason =
  | "OWN_DATA"
  | "SUSPENDED"
  | "UNCLASSIFIED"
  | "NOT_SHARED"
  | "PURPOSE_REQUIRED"
  | "PURPOSE_NOT_ALLOWED"
  | "GRANTED"
  | "OUT_OF_SCOPE"
  | "APPROVAL_REQUIRED"
  | "SHARED";

export interface Decision {
  readonly decision: ShareDecision;
  readonly reason: DecisionReason;
  readonly grantId: string | null;
}

export interface DecisionInput {
  readonly policy: FieldPolicy;
  readonly requester: Requester;
  readonly purpose: SharePurpose | null;
  readonly grants: readonly Grant[];
  readonly suspended: boolean;
}

const allow = (reason: DecisionReason, grantId: string | null = null): Decision => ({ decision: "ALLOWED", reason, grantId });
const deny = (reason: DecisionReason): Decision => ({ decision: "DENIED", reason, grantId: null });

/**
 * Decides one field for one requester and purpose — CONTRACT §4's rules, in their order.
 * Pure: the same input always gives the same decision.
 */
export function evaluateShare({ policy, requester, purpose, grants, suspended }: DecisionInput): Decision {
  // A unit always reads its own data, with or without a purpose (SPEC §2).
  if (policy.owner === requester.unit) return allow("OWN_DATA");
  if (suspended) return deny("SUSPENDED"); // Art. 29
  const rule = policy.rule;
  if (!rule) return deny("UNCLASSIFIED");
  const held = grants.filter((g) => g.unit === requester.unit && g.coordinates.includes(policy.coordinate));
  // Art. 22: only the cac-office's coordination opens NOT_SHARED data.
  if (rule.class === "NOT_SHARED" && !held.some((g) => g.coordinated)) return deny("NOT_SHARED");
  if (!purpose) return deny("PURPOSE_REQUIRED"); // SPEC §3
  if (!rule.purposes.includes(purpose)) return deny("PURPOSE_NOT_ALLOWED"); // Art. 17
  const grant = held.find((g) => g.purpose === purpose && (rule.class !== "NOT_SHARED" || g.coordinated));
  if (grant) return allow("GRANTED", grant.id);
  // A coordinated grant opens NOT_SHARED data for its own purpose only, never by default.
  if (rule.class === "NOT_SHARED") return deny("NOT_SHARED");
  if (rule.class === "CONDITIONAL") {
    if (!inScope(rule, requester)) {
      return rule.mask === "PARTIAL" ? { decision: "MASKED", reason: "OUT_OF_SCOPE", grantId: null } : deny("OUT_OF_SCOPE");
    }
    if (rule.approval) return deny("APPROVAL_REQUIRED"); // Art. 21
  }
  return allow("SHARED");
}

/** Whether the requester falls in a CONDITIONAL field's scope (Art. 15: "related units"). */
export function inScope(rule: ShareRule, requester: Requester): boolean {
  const external = requester.unit.startsWith("ext:");
  return rule.scope.some(
    (entry) =>
      entry === requester.unit ||
      (entry === "internal" && !external) ||
      (entry === "external" && external) ||
      (entry.startsWith("role:") && requester.roles.includes(entry.slice(5))),
  );
}
