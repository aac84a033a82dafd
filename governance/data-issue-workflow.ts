import { hasRole, ROLE, type Actor } from "./actor.js";
import { badArgument, isBlank, refuse, type Refusal } from "./refusal.js";

export const DATA_ISSUE_KINDS = ["ERROR", "DOUBT"] as const;
export type DataIssueKind = (typeof DATA_ISSUE_KINDS)[number];
export const DATA_ISSUE_STATUSES = ["OPEN", "ANSWERED"] as const;
export type DataIssueStatus = (typeof DATA_ISSUE_STATUSES)[number];
/** What the provider found when it checked 校核 (Art. 7(4)). */
export const DATA_ISSUE_VERDICTS = ["CONFIRMED", "REJECTED", "CORRECTED"] as const;
export type DataIssueVerdict = (typeof DATA_ISSUE_VERDICTS)[number];

/** The provider checks and answers within 5 working days (SPEC §7, as Art. 21 gives applications). */
export const DATA_ISSUE_WORKING_DAYS = 5;

/**
 * Art. 8(2): a user reports a doubt or an error in another unit's data item. `provider` is the
 * item's owner in the current catalog, or null when the catalog has no such item.
 */
export function checkIssueReport(actor: Actor, coordinate: string, provider: string | null, description: string): { readonly ok: true; readonly provider: string } | Refusal {
  if (provider === null) return badArgument("input.coordinate", `names ${coordinate}, which is not a data item of the catalog`);
  if (provider === actor.unit) return refuse("FORBIDDEN", `${coordinate} is ${provider}'s own data: its provider corrects it, it does not report it (Art. 7(4))`);
  if (isBlank(description)) return badArgument("input.description", "must say what is wrong or doubtful");
  return { ok: true, provider };
}

/** Art. 7(4): the provider's approver answers an open issue with its verdict and an answer. */
export function answerIssue(
  issue: { readonly status: DataIssueStatus; readonly provider: string },
  actor: Actor,
  answer: string,
): { readonly ok: true; readonly answer: string } | Refusal {
  if (actor.unit !== issue.provider || !hasRole(actor, ROLE.approver)) {
    return refuse("FORBIDDEN", `only an approver of ${issue.provider}, the provider, answers this issue (Art. 7(4))`);
  }
  if (issue.status !== "OPEN") return refuse("INVALID_TRANSITION", `the issue is ${issue.status}, not OPEN`);
  if (isBlank(answer)) return refuse("REASON_REQUIRED", "the answer must say what the check found");
  return { ok: true, answer: answer.trim() };
}
