import type Database from "better-sqlite3";
import type { WorkingDayCalendar } from "../../domain/working-days.js";
import { checkApplicationRequest } from "../../governance/application-request.js";
import { applicationTransition, openApplication, type ApplicationAction, type ApplicationState } from "../../governance/application-workflow.js";
import { addCalendarDays, dueBy, shanghaiDay } from "../../governance/deadlines.js";
import type { AssertedRequester } from "../../schema/request-assertion.js";
import type { ApplicationRecord } from "./application.js";
import type { ApplicationRepository } from "./application-repository.js";
import type { ApplyInput } from "./apply-input.js";
import type { EventLog } from "./event-log.js";
import type { GovernanceActionName } from "./governance-event.js";
import { catalogUnavailable, notFound, orRefuse, rowId } from "./governance-errors.js";
import type { GrantRepository } from "./grant-repository.js";
import type { SupergraphCatalog } from "./supergraph-catalog.js";

const ACTION: Record<ApplicationAction["kind"], GovernanceActionName> = {
  decide: "DECIDE",
  escalate: "ESCALATE",
  coordinate: "COORDINATE",
  endorse: "ENDORSE",
  withdraw: "WITHDRAW",
};
// Application.reason is the latest answer's; an escalation's note stays in the history only.
const ANSWERS: ReadonlySet<ApplicationAction["kind"]> = new Set(["decide", "coordinate", "endorse"]);

/** Files applications and moves them through the workflow, each change one transaction with its history. */
export class ApplicationService {
  constructor(
    private readonly db: Database.Database,
    private readonly applications: ApplicationRepository,
    private readonly grants: GrantRepository,
    private readonly events: EventLog,
    private readonly catalog: SupergraphCatalog,
    private readonly calendar: WorkingDayCalendar,
  ) {}

  apply(requester: AssertedRequester, input: ApplyInput, now: Date): ApplicationRecord {
    const current = this.catalog.current();
    if (!current) throw catalogUnavailable();
    const checked = orRefuse(checkApplicationRequest(current.index, requester.unit, input));
    const { state, workingDays } = openApplication(requester.unit, checked.provider, checked.notShared);
    const at = now.toISOString();
    const due = dueBy(this.calendar, now, workingDays);
    return this.db.transaction(() => {
      const id = this.applications.insert({
        ...state,
        submittedBy: requester.principal,
        coordinates: checked.coordinates,
        purpose: input.purpose,
        justification: checked.justification,
        validDays: checked.validDays,
        submittedAt: at,
        dueBy: due,
        supergraphVersion: current.version,
      });
      this.record(id, "APPLY", null, state, requester, at, null);
      return this.applications.get(Number(id))!;
    }).immediate();
  }

  /** One workflow action; an approval makes its grant in the same transaction. */
  act(requester: AssertedRequester, id: string, action: ApplicationAction, now: Date): ApplicationRecord {
    const key = rowId("id", "application", id);
    const at = now.toISOString();
    return this.db.transaction(() => {
      const application = this.applications.get(key);
      if (!application) throw notFound("id", "application", id);
      const next = orRefuse(applicationTransition(application, requester, action));
      if (next.grant) {
        this.grants.insert({
          applicationId: application.id,
          unit: application.applicant,
          provider: application.provider,
          coordinates: application.coordinates,
          purpose: application.purpose,
          coordinated: next.grant.coordinated,
          grantedAt: at,
          validUntil: addCalendarDays(shanghaiDay(now), application.validDays),
        });
      }
      this.applications.update(key, next.state, ANSWERS.has(action.kind) ? next.reason : null, at);
      this.record(application.id, ACTION[action.kind], application.status, next.state, requester, at, next.reason);
      return this.applications.get(key)!;
    }).immediate();
  }

  // The provider is informed of every step, and so is the applicant.
  private record(
    id: string,
    action: GovernanceActionName,
    from: string | null,
    state: ApplicationState,
    requester: AssertedRequester,
    at: string,
    reason: string | null,
  ): void {
    this.events.record({ subject: "APPLICATION", subjectId: id, action, from, to: state.status, actor: requester, at, reason }, [state.applicant, state.provider]);
  }
}
