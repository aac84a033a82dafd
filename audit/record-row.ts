import type { DecisionReason, ShareDecision } from "../directives/share/evaluate.js";
import type { ShareClass, SharePurpose } from "../directives/share/rule.js";
import type { AccessEvent, AccessRecord } from "./access-event.js";
import type { AuditStrings } from "./audit-strings.js";

/** An access record as the `access_records` view returns it: every field a string or number. */
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

/** An access record as stored in `audit_records`: each repeated string as its `audit_strings` number. */
export interface StoredRecordRow {
  id: number;
  at: string;
  request_id: string;
  unit: number;
  principal: number;
  purpose: number | null;
  coordinate: number;
  owner: number;
  share_class: number | null;
  decision: number;
  reason: number;
  grant_id: number | null;
  operation_name: number | null;
  operation_hash: number;
  client_name: number | null;
  client_version: number | null;
  value_count: number;
  policy_version: number;
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

/** A stored row with its strings looked up (a number the dictionary lacks reads as null). */
export function storedToRecord(r: StoredRecordRow, strings: AuditStrings): AccessRecord {
  const s = (id: number | null): string => strings.valueOf(id) as string;
  return rowToRecord({
    ...r,
    unit: s(r.unit),
    principal: s(r.principal),
    purpose: s(r.purpose),
    coordinate: s(r.coordinate),
    owner: s(r.owner),
    share_class: s(r.share_class),
    decision: s(r.decision),
    reason: s(r.reason),
    grant_id: s(r.grant_id),
    operation_name: s(r.operation_name),
    operation_hash: s(r.operation_hash),
    client_name: s(r.client_name),
    client_version: s(r.client_version),
    policy_version: s(r.policy_version),
  });
}

/** The statement `storedParams` fills: positional, since binding by name cost ~20 % of an insert (measured). */
export const INSERT_STORED_RECORD = `INSERT INTO audit_records (id, at, request_id, unit, principal, purpose, coordinate, owner, share_class,
  decision, reason, grant_id, operation_name, operation_hash, client_name, client_version, value_count, policy_version, prev_hash, hash)
  VALUES (${Array(20).fill("?").join(", ")})`;

/** An event's parameters for INSERT_STORED_RECORD, its strings interned (call inside the write transaction). */
export function storedParams(id: number, e: AccessEvent, prevHash: string, hash: string, strings: AuditStrings): unknown[] {
  return [id, e.at, e.requestId, strings.intern(e.unit), strings.intern(e.principal), strings.intern(e.purpose), strings.intern(e.coordinate),
    strings.intern(e.owner), strings.intern(e.shareClass), strings.intern(e.decision), strings.intern(e.reason), strings.intern(e.grantId),
    strings.intern(e.operationName), strings.intern(e.operationHash), strings.intern(e.clientName), strings.intern(e.clientVersion), e.valueCount,
    strings.intern(e.policyVersion), prevHash, hash];
}
