import type { DecisionReason, ShareDecision } from "../directives/share/evaluate.js";
import type { ShareClass, SharePurpose } from "../directives/share/rule.js";
import type { AccessRecord } from "./access-event.js";

/** An access record as SQLite returns it. */
export interface AccessRecordRow {
  id: number;
  at: string;
  request_id: string;
  unit: string;
  principal: string;
  purpose: string | null;
  coordinate: string;
  owner: string;
  share_class: string | null;
  decision: string;
  reason: string;
  grant_id: string | null;
  operation_name: string | null;
  operation_hash: string;
  client_name: string | null;
  client_version: string | null;
  value_count: number;
  policy_version: string;
  prev_hash: string;
  hash: string;
}

export function rowToRecord(r: AccessRecordRow): AccessRecord {
  return {
    id: r.id,
    at: r.at,
    requestId: r.request_id,
    unit: r.unit,
    principal: r.principal,
    purpose: r.purpose as SharePurpose | null,
    coordinate: r.coordinate,
    owner: r.owner,
    shareClass: r.share_class as ShareClass | null,
    decision: r.decision as ShareDecision,
    reason: r.reason as DecisionReason,
    grantId: r.grant_id,
    operationName: r.operation_name,
    operationHash: r.operation_hash,
    clientName: r.client_name,
    clientVersion: r.client_version,
    valueCount: r.value_count,
    policyVersion: r.policy_version,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}
