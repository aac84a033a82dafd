import type Database from "better-sqlite3";
import type { DeadlineTask } from "../../governance/deadline-outcome.js";
import type { InstantWindow } from "../../governance/evaluation-period.js";

/**
 * Applications to a provider as deadline tasks (SPEC §5: overdue ones count against it). Its
 * first answer — the first transition to APPROVED or REJECTED, whoever gave it — settles the
 * deadline; an escalation after a rejection has none (application-workflow's deadlineRuns).
 * A withdrawal before any answer closes it without one.
 */
export class ApplicationDeadlines {
  private readonly ofProvider: Database.Statement;

  constructor(db: Database.Database) {
    const firstEvent = (condition: string): string =>
      `(SELECT min(e.at) FROM governance_events e WHERE e.subject = 'APPLICATION' AND e.subject_id = a.id AND ${condition})`;
    this.ofProvider = db.prepare(`SELECT a.due_by AS dueBy, ${firstEvent("e.to_status IN ('APPROVED', 'REJECTED')")} AS answeredAt,
        ${firstEvent("e.action = 'WITHDRAW'")} AS withdrawnAt
      FROM applications a WHERE a.provider = @provider AND a.submitted_at >= @from AND a.submitted_at < @to ORDER BY a.id`);
  }

  /** Applications submitted to `provider` in a window. */
  tasksOf(provider: string, window: InstantWindow): DeadlineTask[] {
    return this.ofProvider.all({ provider, from: window.from ?? "", to: window.to }) as DeadlineTask[];
  }
}
