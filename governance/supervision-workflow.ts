import { hasRole, ROLE, unitCodeProblem, type Actor } from "./actor.js";
import { badArgument, isBlank, refuse, type Refusal } from "./refusal.js";

export const GRANT_STATUSES = ["ACTIVE", "REVOKED", "EXPIRED"] as const;
export type GrantStatus = (typeof GRANT_STATUSES)[number];

/** Allowed, with the reason to record. */
export interface Permitted {
  readonly ok: true;
  readonly reason: string;
}

/** A grant is valid through its `validUntil` day (Asia/Shanghai), unless revoked. */
export function grantStatus(grant: { readonly revoked: boolean; readonly validUntil: string }, today: string): GrantStatus {
  if (grant.revoked) return "REVOKED";
  return today > grant.validUntil ? "EXPIRED" : "ACTIVE";
}

/** A suspension holds through its `until` day (Asia/Shanghai), unless lifted. */
export function suspensionActive(suspension: { readonly lifted: boolean; readonly until: string }, today: string): boolean {
  return !suspension.lifted && today <= suspension.until;
}

/** Revoking a grant: its provider's approver or the cac-office, an active grant, a reason. */
export function checkRevocation(grant: { readonly status: GrantStatus; readonly provider: string }, actor: Actor, reason: string): Permitted | Refusal {
  const providersApprover = actor.unit === grant.provider && hasRole(actor, ROLE.approver);
  if (!providersApprover && !hasRole(actor, ROLE.cacOffice)) {
    return refuse("FORBIDDEN", `only an approver of ${grant.provider}, the provider, or the cac-office revokes this grant`);
  }
  if (grant.status !== "ACTIVE") return refuse("INVALID_TRANSITION", `the grant is ${grant.status}, not ACTIVE`);
  return reasoned(reason, "a revocation must give its reason");
}

/** Art. 29: the cac-office suspends a unit that does not share, serves wrong data, misuses data or refuses to rectify. */
export function checkSuspension(unit: string, active: boolean, actor: Actor, reason: string): Permitted | Refusal {
  return supervise(unit, actor, reason, () =>
    active ? refuse("INVALID_TRANSITION", `${unit} is already suspended`) : null,
  );
}

/** Lifting a suspension early: the cac-office, a suspended unit, a reason. */
export function checkLifting(unit: string, active: boolean, actor: Actor, reason: string): Permitted | Refusal {
  return supervise(unit, actor, reason, () => (active ? null : refuse("INVALID_TRANSITION", `${unit} is not suspended`)));
}

function supervise(unit: string, actor: Actor, reason: string, stateProblem: () => Refusal | null): Permitted | Refusal {
  if (!hasRole(actor, ROLE.cacOffice)) return refuse("FORBIDDEN", "only the cac-office suspends units and lifts suspensions (Art. 29)");
  const problem = unitCodeProblem(unit);
  if (problem) return badArgument("unit", problem);
  return stateProblem() ?? reasoned(reason, "a suspension or its lifting must give its reason");
}

function reasoned(reason: string, missing: string): Permitted | Refusal {
  return isBlank(reason) ? refuse("REASON_REQUIRED", missing) : { ok: true, reason: reason.trim() };
}
