import { evaluateShare, type DecisionReason, type Grant, type Requester, type ShareDecision } from "../directives/share/evaluate.js";
import type { SharePurpose } from "../directives/share/rule.js";
import { ownerOf, type FieldEntry } from "../directives/share/supergraph-policies.js";
import { openApplication, type ApplicationStatus } from "./application-workflow.js";

/** `NOT_SERVED`: the catalog lists an item the federation no longer serves, so nobody reads it. */
export type AccessReason = DecisionReason | "NOT_SERVED";

/** How to get an item one cannot read now (CONTRACT §4's `apply`, with where the application goes). */
export interface HowToApply {
  readonly provider: string;
  readonly coordinates: readonly string[];
  readonly mutation: "applyForAccess";
  /** Where the application starts: PENDING (the provider's approver), ESCALATED (the cac-office, Art. 22) or AWAITING_ENDORSEMENT (the leading group, Art. 23(4)). */
  readonly firstStatus: ApplicationStatus;
  /** Working days the answer may take (Art. 21, 23(4)). */
  readonly workingDays: number;
}

export interface ItemAccess {
  readonly decision: ShareDecision;
  readonly reason: AccessReason;
  readonly apply: HowToApply | null;
}

/** Who asks, as the gateway would decide for them now. */
export interface AccessRequester {
  readonly requester: Requester;
  readonly purpose: SharePurpose | null;
  /** Its active grants. */
  readonly grants: readonly Grant[];
  readonly suspended: boolean;
}

// Only these denials can an approved application lift: a suspension, a missing class or a
// purpose the item does not allow would refuse the application too.
const APPLICABLE: ReadonlySet<AccessReason> = new Set(["OUT_OF_SCOPE", "APPROVAL_REQUIRED", "NOT_SHARED"]);

/**
 * Whether a requester can read a catalog item now: CONTRACT §4's decision under the policy the
 * gateway enforces (`entry`, from the supergraph it serves), and, when not, how to apply. Pure.
 */
export function itemAccess(
  item: { readonly coordinate: string; readonly owner: string },
  entry: FieldEntry | undefined,
  who: AccessRequester,
  /** The fields of the item's object type, when it has one: what reading it reads next. */
  below: readonly FieldEntry[] = [],
): ItemAccess {
  if (!entry) return { decision: "DENIED", reason: "NOT_SERVED", apply: null };
  const denied = (coordinate: string, rule: FieldEntry["rule"]): ReturnType<typeof evaluateShare> => evaluateShare({ policy: { coordinate, owner: item.owner, rule }, ...who });
  const decided = denied(item.coordinate, entry.rule);
  if (decided.decision === "ALLOWED" || !APPLICABLE.has(decided.reason)) return { decision: decided.decision, reason: decided.reason, apply: null };
  // As a denial's apply says it (issue 15): the provider's conditional fields of what it
  // returns that would be denied too, so that one application opens the item and what it
  // holds. Not its NOT_SHARED ones: naming one sends the whole application to the cac-office.
  const also = below.filter((e) => ownerOf(e, item.owner) === item.owner && e.rule?.class === "CONDITIONAL").filter((e) => {
    const d = denied(e.coordinate, e.rule);
    return d.decision === "DENIED" && APPLICABLE.has(d.reason);
  });
  // The workflow itself says where such an application starts, so this cannot drift from it.
  const opening = openApplication(who.requester.unit, item.owner, entry.rule?.class === "NOT_SHARED");
  return {
    decision: decided.decision,
    reason: decided.reason,
    apply: { provider: item.owner, coordinates: [item.coordinate, ...also.map((e) => e.coordinate)], mutation: "applyForAccess", firstStatus: opening.state.status, workingDays: opening.workingDays },
  };
}
