import { hasRole, isExternal, ROLE, type Actor } from "./actor.js";
import { isBlank, reasonText, refuse, type Refusal } from "./refusal.js";

export const APPLICATION_STATUSES = ["AWAITING_ENDORSEMENT", "PENDING", "APPROVED", "REJECTED", "ESCALATED", "WITHDRAWN"] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** What the workflow knows of an application: enough to decide every move, nothing stored. */
export interface ApplicationState {
  readonly status: ApplicationStatus;
  readonly applicant: string;
  readonly provider: string;
  /** It names a NOT_SHARED field: only the cac-office can grant it (Art. 22). */
  readonly notShared: boolean;
  /** The cac-office has taken it up: its answer is final, so it is never escalated again. */
  readonly escalated: boolean;
}

export type ApplicationAction =
  | { readonly kind: "decide"; readonly approve: boolean; readonly reason: string | null }
  | { readonly kind: "escalate"; readonly note: string | null }
  | { readonly kind: "coordinate"; readonly approve: boolean; readonly reason: string }
  | { readonly kind: "endorse"; readonly approve: boolean; readonly reason: string | null }
  | { readonly kind: "withdraw" };

export interface Transition {
  readonly ok: true;
  readonly state: ApplicationState;
  /** An approval makes a grant; `coordinated` when the cac-office made it (Art. 22). */
  readonly grant: { readonly coordinated: boolean } | null;
  /** What is recorded with the transition. */
  readonly reason: string | null;
}

/** Where a new application starts, and how many working days its answer may take. */
export interface Opening {
  readonly state: ApplicationState;
  readonly workingDays: number;
}

/** Art. 21: the provider answers within 5 working days; Art. 23(4): external departments within 10. */
export const INTERNAL_WORKING_DAYS = 5;
export const EXTERNAL_WORKING_DAYS = 10;

const OPEN: readonly ApplicationStatus[] = ["AWAITING_ENDORSEMENT", "PENDING", "ESCALATED"];

/** A new application's first state (the request itself is checked by checkApplicationRequest). */
export function openApplication(applicant: string, provider: string, notShared: boolean): Opening {
  const base = { applicant, provider, notShared };
  // Art. 23(4): an external department's application waits for the leading group first.
  if (isExternal(applicant)) return { state: { ...base, status: "AWAITING_ENDORSEMENT", escalated: false }, workingDays: EXTERNAL_WORKING_DAYS };
  // Art. 22: NOT_SHARED data is opened only by the cac-office's coordination; the provider is informed.
  if (notShared) return { state: { ...base, status: "ESCALATED", escalated: true }, workingDays: INTERNAL_WORKING_DAYS };
  return { state: { ...base, status: "PENDING", escalated: false }, workingDays: INTERNAL_WORKING_DAYS };
}

/** The next state of an application under an action by an actor, or why not. Checks who, then when, then why. */
export function applicationTransition(state: ApplicationState, actor: Actor, action: ApplicationAction): Transition | Refusal {
  switch (action.kind) {
    case "decide":
      return decide(state, actor, action.approve, action.reason);
    case "escalate":
      return escalate(state, actor, action.note);
    case "coordinate":
      return coordinate(state, actor, action.approve, action.reason);
    case "endorse":
      return endorse(state, actor, action.approve, action.reason);
    case "withdraw":
      return withdraw(state, actor);
  }
}

/** Whether a deadline runs on the application now: it awaits an answer that has one (SPEC §5). */
export function deadlineRuns(state: ApplicationState): boolean {
  if (state.status === "AWAITING_ENDORSEMENT" || state.status === "PENDING") return true;
  // An escalation after a rejection has no deadline (SPEC §5); a NOT_SHARED application's first answer does.
  return state.status === "ESCALATED" && state.notShared;
}

/** Overdue: its deadline runs and `today` (Asia/Shanghai) is past `dueBy`. */
export function isOverdue(state: ApplicationState, dueBy: string, today: string): boolean {
  return deadlineRuns(state) && today > dueBy;
}

// Art. 21: the provider's approver approves or rejects, with a reason to reject.
function decide(state: ApplicationState, actor: Actor, approve: boolean, reason: string | null): Transition | Refusal {
  if (actor.unit !== state.provider || !hasRole(actor, ROLE.approver)) {
    return refuse("FORBIDDEN", `only an approver of ${state.provider}, the provider, decides this application (Art. 21)`);
  }
  if (state.status !== "PENDING" || isExternal(state.applicant)) return notAwaiting(state, "its provider's decision");
  return answer(state, approve, reason, false);
}

// Art. 21: a rejected applicant may take the dispute to the cac-office.
function escalate(state: ApplicationState, actor: Actor, note: string | null): Transition | Refusal {
  if (actor.unit !== state.applicant) return refuse("FORBIDDEN", "only the applicant escalates its application");
  if (state.status !== "REJECTED" || isExternal(state.applicant) || state.escalated) {
    return refuse("INVALID_TRANSITION", `only an internal application its provider rejected can be escalated; this one is ${state.status}${state.escalated ? " by the cac-office" : ""}`);
  }
  return { ok: true, state: { ...state, status: "ESCALATED", escalated: true }, grant: null, reason: reasonText(note) };
}

// Art. 21, 22, 23(4): the cac-office answers escalated applications and endorsed external ones, always with a reason.
function coordinate(state: ApplicationState, actor: Actor, approve: boolean, reason: string): Transition | Refusal {
  if (!hasRole(actor, ROLE.cacOffice)) return refuse("FORBIDDEN", "only the cac-office coordinates applications (Art. 21, 22)");
  const endorsed = isExternal(state.applicant) && state.status === "PENDING";
  if (state.status !== "ESCALATED" && !endorsed) return notAwaiting(state, "the cac-office");
  if (isBlank(reason)) return refuse("REASON_REQUIRED", "the cac-office's answer must give its reason");
  return answer(state, approve, reason, true);
}

// Art. 23(4): the leading group endorses an external department's application before the cac-office answers.
function endorse(state: ApplicationState, actor: Actor, approve: boolean, reason: string | null): Transition | Refusal {
  if (!hasRole(actor, ROLE.leadingGroup)) return refuse("FORBIDDEN", "only the leading group endorses external applications (Art. 23(4))");
  if (state.status !== "AWAITING_ENDORSEMENT") return notAwaiting(state, "the leading group's endorsement");
  if (!approve && isBlank(reason)) return refuse("REASON_REQUIRED", "a rejection must give its reason");
  return { ok: true, state: { ...state, status: approve ? "PENDING" : "REJECTED" }, grant: null, reason: reasonText(reason) };
}

function withdraw(state: ApplicationState, actor: Actor): Transition | Refusal {
  if (actor.unit !== state.applicant) return refuse("FORBIDDEN", "only the applicant withdraws its application");
  if (!OPEN.includes(state.status)) return refuse("INVALID_TRANSITION", `a ${state.status} application is closed and cannot be withdrawn`);
  return { ok: true, state: { ...state, status: "WITHDRAWN" }, grant: null, reason: null };
}

function answer(state: ApplicationState, approve: boolean, reason: string | null, coordinated: boolean): Transition | Refusal {
  if (!approve && isBlank(reason)) return refuse("REASON_REQUIRED", "a rejection must give its reason (Art. 21)");
  return {
    ok: true,
    state: { ...state, status: approve ? "APPROVED" : "REJECTED" },
    grant: approve ? { coordinated } : null,
    reason: reasonText(reason),
  };
}

function notAwaiting(state: ApplicationState, whom: string): Refusal {
  return refuse("INVALID_TRANSITION", `this ${isExternal(state.applicant) ? "external" : "internal"} application is ${state.status}, not awaiting ${whom}`);
}
