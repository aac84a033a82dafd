import type Database from "better-sqlite3";
import { checkExternalRequest, reviewTransition } from "../../governance/external-request-workflow.js";
import type { AssertedRequester } from "../../schema/request-assertion.js";
import type { EventLog } from "./event-log.js";
import type { ExternalRequestRecord } from "./external-request.js";
import type { ExternalRequestRepository } from "./external-request-repository.js";
import type { ExternalResourceInput } from "./external-resource-input.js";
import { notFound, orRefuse, rowId } from "./governance-errors.js";

/** SPEC §5: our units' requests for external resources, reviewed by the leading group. */
export class ExternalRequestService {
  constructor(
    private readonly db: Database.Database,
    private readonly requests: ExternalRequestRepository,
    private readonly events: EventLog,
  ) {}

  request(requester: AssertedRequester, input: ExternalResourceInput, now: Date): ExternalRequestRecord {
    orRefuse(checkExternalRequest(requester, input));
    const at = now.toISOString();
    return this.db.transaction(() => {
      const id = this.requests.insert({
        unit: requester.unit,
        requestedBy: requester.principal,
        department: input.department,
        resource: input.resource.trim(),
        purpose: input.purpose,
        justification: input.justification.trim(),
        status: "AWAITING_REVIEW",
        submittedAt: at,
      });
      this.events.record({ subject: "EXTERNAL_REQUEST", subjectId: id, action: "REQUEST", from: null, to: "AWAITING_REVIEW", actor: requester, at, reason: null }, [requester.unit]);
      return this.requests.get(id)!;
    }).immediate();
  }

  review(requester: AssertedRequester, id: string, approve: boolean, reason: string | null, now: Date): ExternalRequestRecord {
    const key = rowId("id", "external request", id);
    const at = now.toISOString();
    return this.db.transaction(() => {
      const request = this.requests.get(key);
      if (!request) throw notFound("id", "external request", id);
      const next = orRefuse(reviewTransition(request.status, requester, approve, reason));
      this.requests.update(key, next.status, next.reason, at);
      this.events.record(
        { subject: "EXTERNAL_REQUEST", subjectId: key, action: "REVIEW", from: request.status, to: next.status, actor: requester, at, reason: next.reason },
        [request.unit],
      );
      return this.requests.get(key)!;
    }).immediate();
  }
}
