import type { DecisionReason, ShareDecision } from "../directives/share/evaluate.js";
import type { ShareClass, SharePurpose } from "../directives/share/rule.js";

/** Why a whole request was refused before any field was decided (one record: its root type). */
export type RefusalReason = `OPERATION_LIMIT:${string}` | "OPERATION_NOT_SUPPORTED" | "OPERATION_UNRESOLVED" | "INTROSPECTION_DISABLED";

/**
 * One field decision of one request (SPEC §4, CONTRACT §6): who, when, which field, whose,
 * which class, purpose and grant, what decision and why. One per coordinate per request,
 * not per list item. Plain data: the gateway builds it, the chain hashes it.
 */
export interface AccessEvent {
  readonly at: string;
  readonly requestId: string;
  readonly unit: string;
  readonly principal: string;
  readonly purpose: SharePurpose | null;
  readonly coordinate: string;
  readonly owner: string;
  readonly shareClass: ShareClass | null;
  readonly decision: ShareDecision;
  readonly reason: DecisionReason | RefusalReason;
  readonly grantId: string | null;
  readonly operationName: string | null;
  readonly operationHash: string;
  readonly clientName: string | null;
  readonly clientVersion: string | null;
  /** Values served for the coordinate in the response (0 for a denial). */
  readonly valueCount: number;
  /** The policy index that decided (changes with the supergraph). */
  readonly policyVersion: string;
}

/** An event as stored: numbered and chained to the one before it. */
export interface AccessRecord extends AccessEvent {
  readonly id: number;
  readonly prevHash: string;
  readonly hash: string;
}
