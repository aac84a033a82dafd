import type { AccessEvent } from "../../audit/access-event.js";
import type { OperationAnalysis } from "../enforcement/analyze-operation.js";
import type { GatewayContext } from "../identity/authenticate.js";

export interface RequestFacts {
  readonly context: GatewayContext;
  readonly operationName: string | null;
  readonly operationHash: string;
  readonly policyVersion: string;
  readonly at: string;
}

/** One event per field coordinate (and owner) of the operation, with the values it served. */
export function accessEvents(analysis: OperationAnalysis, counts: ReadonlyMap<string, number>, facts: RequestFacts): AccessEvent[] {
  const { context } = facts;
  return analysis.coordinates.map((c) => ({
    at: facts.at,
    requestId: context.requestId,
    unit: context.requester.unit,
    principal: context.requester.principal,
    purpose: context.purpose,
    coordinate: c.coordinate,
    owner: c.owner,
    shareClass: c.shareClass,
    decision: c.decision.decision,
    reason: c.decision.reason,
    grantId: c.decision.grantId,
    operationName: facts.operationName,
    operationHash: facts.operationHash,
    clientName: context.client.name,
    clientVersion: context.client.version,
    valueCount: c.decision.decision === "DENIED" ? 0 : (counts.get(`${c.coordinate}\0${c.owner}`) ?? 0),
    policyVersion: facts.policyVersion,
  }));
}
