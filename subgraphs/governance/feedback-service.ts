import type Database from "better-sqlite3";
import type { WorkingDayCalendar } from "../../domain/working-days.js";
import { answerIssue, checkIssueReport, DATA_ISSUE_WORKING_DAYS, type DataIssueVerdict } from "../../governance/data-issue-workflow.js";
import { dueBy } from "../../governance/deadlines.js";
import { checkOutcomeReport } from "../../governance/outcome-report.js";
import { reasonText } from "../../governance/refusal.js";
import type { AssertedRequester } from "../../schema/request-assertion.js";
import type { CatalogVersionRepository } from "./catalog-version-repository.js";
import type { DataIssueRecord } from "./data-issue.js";
import type { DataIssueInput } from "./data-issue-input.js";
import type { DataIssueRepository } from "./data-issue-repository.js";
import type { EventLog } from "./event-log.js";
import { catalogUnavailable, notFound, orRefuse, rowId } from "./governance-errors.js";
import type { OutcomeRecord } from "./outcome.js";
import type { OutcomeInput } from "./outcome-input.js";
import type { OutcomeRepository } from "./outcome-repository.js";

/**
 * Quality feedback between users and providers (Art. 7(4), 8(2), 8(3)): issues on data items
 * and their answers, outcomes achieved with shared data. Items and their owners are the
 * latest catalog's. Each change is one transaction with its history; both parties are told.
 */
export class FeedbackService {
  constructor(
    private readonly db: Database.Database,
    private readonly issues: DataIssueRepository,
    private readonly outcomes: OutcomeRepository,
    private readonly versions: CatalogVersionRepository,
    private readonly events: EventLog,
    private readonly calendar: WorkingDayCalendar,
  ) {}

  /** Art. 8(2): another unit's data item, or one of its records, is doubtful or wrong. */
  report(requester: AssertedRequester, input: DataIssueInput, now: Date): DataIssueRecord {
    const coordinate = input.coordinate.trim();
    const { provider } = orRefuse(checkIssueReport(requester, coordinate, this.ownerOf(coordinate), input.description));
    const at = now.toISOString();
    return this.db.transaction(() => {
      const id = this.issues.insert({
        reporter: requester.unit,
        reportedBy: requester.principal,
        provider,
        coordinate,
        recordKey: reasonText(input.recordKey),
        kind: input.kind,
        description: input.description.trim(),
        reportedAt: at,
        dueBy: dueBy(this.calendar, now, DATA_ISSUE_WORKING_DAYS),
      });
      this.events.record({ subject: "DATA_ISSUE", subjectId: id, action: "REPORT", from: null, to: "OPEN", actor: requester, at, reason: null }, [requester.unit, provider]);
      return this.issues.get(id)!;
    }).immediate();
  }

  /** Art. 7(4): the provider's approver answers with what its check found. */
  answer(requester: AssertedRequester, id: string, verdict: DataIssueVerdict, answer: string, now: Date): DataIssueRecord {
    const key = rowId("id", "data issue", id);
    const at = now.toISOString();
    return this.db.transaction(() => {
      const issue = this.issues.get(key);
      if (!issue) throw notFound("id", "data issue", id);
      const answered = orRefuse(answerIssue(issue, requester, answer));
      this.issues.answer(key, verdict, answered.answer, at, requester.principal);
      const reason = `${verdict}: ${answered.answer}`;
      this.events.record({ subject: "DATA_ISSUE", subjectId: key, action: "ANSWER", from: issue.status, to: "ANSWERED", actor: requester, at, reason }, [issue.reporter, issue.provider]);
      return this.issues.get(key)!;
    }).immediate();
  }

  /** Art. 8(3): what the requester's unit achieved with shared data; the providers are told. */
  reportOutcome(requester: AssertedRequester, input: OutcomeInput, now: Date): OutcomeRecord {
    const checked = orRefuse(checkOutcomeReport(requester, input, (coordinate) => this.ownerOf(coordinate)));
    const at = now.toISOString();
    return this.db.transaction(() => {
      const { coordinates, providers, description, benefit } = checked;
      const id = this.outcomes.insert({ reporter: requester.unit, reportedBy: requester.principal, coordinates, providers, description, benefit, reportedAt: at });
      this.events.record({ subject: "OUTCOME", subjectId: id, action: "REPORT", from: null, to: "REPORTED", actor: requester, at, reason: null }, [requester.unit, ...providers]);
      return this.outcomes.get(id);
    }).immediate();
  }

  private ownerOf(coordinate: string): string | null {
    const latest = this.versions.latest();
    if (!latest) throw catalogUnavailable();
    return this.versions.catalogOf(latest.version).itemOwners.get(coordinate) ?? null;
  }
}
