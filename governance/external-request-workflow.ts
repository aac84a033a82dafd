import { hasRole, isExternal, ROLE, unitCodeProblem, type Actor } from "./actor.js";
import { badArgument, isBlank, reasonText, refuse, type Refusal } from "./refusal.js";
import { quoteInput } from "../domain/quote-input.js";

export const EXTERNAL_REQUEST_STATUSES = ["AWAITING_REVIEW", "FORWARDED", "REJECTED"] as const;
export type ExternalRequestStatus = (typeof EXTERNAL_REQUEST_STATUSES)[number];

export interface ExternalRequestInput {
  readonly department: string;
  readonly resource: string;
  readonly justification: string;
}

/**
 * SPEC §5: our units' requests for another department's resource are reviewed by the
 * leading group, then forwarded to the national platform. Only internal units ask.
 */
export function checkExternalRequest(actor: Actor, input: ExternalRequestInput): { readonly ok: true } | Refusal {
  if (isExternal(actor.unit)) return refuse("FORBIDDEN", "only the ministry's own units request external resources");
  if (!isExternal(input.department) || unitCodeProblem(input.department)) {
    return badArgument("input.department", `must be an external department, "ext:<code>", got ${quoteInput(input.department)}`);
  }
  if (isBlank(input.resource)) return badArgument("input.resource", "must name the resource");
  if (isBlank(input.justification)) return badArgument("input.justification", "must say why it is needed");
  return { ok: true };
}

/** The leading group forwards a request or rejects it with a reason. */
export function reviewTransition(
  status: ExternalRequestStatus,
  actor: Actor,
  approve: boolean,
  reason: string | null,
): { readonly ok: true; readonly status: ExternalRequestStatus; readonly reason: string | null } | Refusal {
  if (!hasRole(actor, ROLE.leadingGroup)) return refuse("FORBIDDEN", "only the leading group reviews requests for external resources");
  if (status !== "AWAITING_REVIEW") return refuse("INVALID_TRANSITION", `the request is ${status}, not AWAITING_REVIEW`);
  if (!approve && isBlank(reason)) return refuse("REASON_REQUIRED", "a rejection must give its reason");
  return { ok: true, status: approve ? "FORWARDED" : "REJECTED", reason: reasonText(reason) };
}
