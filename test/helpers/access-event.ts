import type { AccessEvent } from "../../audit/access-event.js";

/** An allowed read of another unit's field by water, with what a test changes. */
export function sampleAccessEvent(changes: Partial<AccessEvent> = {}): AccessEvent {
  return {
    at: "2026-11-30T08:00:00.000Z",
    requestId: "r",
    unit: "water",
    principal: "w",
    purpose: "WORK_REFERENCE",
    coordinate: "Enterprise.name",
    owner: "info-center",
    shareClass: "UNCONDITIONAL",
    decision: "ALLOWED",
    reason: "SHARED",
    grantId: null,
    operationName: null,
    operationHash: "h",
    clientName: null,
    clientVersion: null,
    valueCount: 1,
    policyVersion: "p",
    ...changes,
  };
}
