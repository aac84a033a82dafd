import type Database from "better-sqlite3";
import type { DataIssueKind, DataIssueStatus, DataIssueVerdict } from "../../governance/data-issue-workflow.js";
import { isPastDue, type DeadlineTask } from "../../governance/deadline-outcome.js";
import type { InstantWindow } from "../../governance/evaluation-period.js";
import { issueTask, type DataIssueRecord } from "./data-issue.js";
import type { DataIssueFilter } from "./data-issue-filter.js";
import { SqlWhere } from "./sql-where.js";
import { restrictTo, type Visibility } from "./visibility.js";

interface DataIssueRow {
  id: number;
  reporter: string;
  principal: string;
  provider: string;
  coordinate: string;
  record_key: string | null;
  kind: string;
  description: string;
  status: string;
  reported_at: string;
  due_by: string;
  verdict: string | null;
  answer: string | null;
  answered_at: string | null;
  answered_by: string | null;
}

function toRecord(row: DataIssueRow): DataIssueRecord {
  return {
    id: String(row.id),
    reporter: row.reporter,
    reportedBy: row.principal,
    provider: row.provider,
    coordinate: row.coordinate,
    recordKey: row.record_key,
    kind: row.kind as DataIssueKind,
    description: row.description,
    status: row.status as DataIssueStatus,
    reportedAt: row.reported_at,
    dueBy: row.due_by,
    verdict: row.verdict as DataIssueVerdict | null,
    answer: row.answer,
    answeredAt: row.answered_at,
    answeredBy: row.answered_by,
  };
}

export type NewDataIssue = Pick<DataIssueRecord, "reporter" | "reportedBy" | "provider" | "coordinate" | "recordKey" | "kind" | "description" | "reportedAt" | "dueBy">;

/** The data_issues table. */
export class DataIssueRepository {
  private readonly insertRow: Database.Statement;
  private readonly getRow: Database.Statement;
  private readonly answerRow: Database.Statement;
  private readonly ofProviderRows: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.insertRow = db.prepare(`INSERT INTO data_issues (reporter, principal, provider, coordinate, record_key, kind, description, status, reported_at, due_by)
      VALUES (@reporter, @reportedBy, @provider, @coordinate, @recordKey, @kind, @description, 'OPEN', @reportedAt, @dueBy)`);
    this.getRow = db.prepare("SELECT * FROM data_issues WHERE id = ?");
    this.answerRow = db.prepare(`UPDATE data_issues SET status = 'ANSWERED', verdict = @verdict, answer = @answer, answered_at = @at, answered_by = @by
      WHERE id = @id AND status = 'OPEN'`);
    this.ofProviderRows = db.prepare("SELECT * FROM data_issues WHERE provider = @provider AND reported_at >= @from AND reported_at < @to ORDER BY id");
  }

  insert(issue: NewDataIssue): number {
    return Number(this.insertRow.run(issue).lastInsertRowid);
  }

  get(id: number): DataIssueRecord | null {
    const row = this.getRow.get(id) as DataIssueRow | undefined;
    return row ? toRecord(row) : null;
  }

  answer(id: number, verdict: DataIssueVerdict, answer: string, at: string, by: string): void {
    this.answerRow.run({ id, verdict, answer, at, by });
  }

  /** The issues the requester may see that match the filter, newest first. */
  list(visibility: Visibility, filter: DataIssueFilter | null | undefined, today: string): DataIssueRecord[] {
    const where = restrictTo(new SqlWhere(), visibility, ["reporter", "provider"])
      .oneOf("status", filter?.status)
      .eq("kind", filter?.kind)
      .eq("reporter", filter?.reporter)
      .eq("provider", filter?.provider)
      .eq("coordinate", filter?.coordinate);
    if (filter?.unit) where.add("(reporter = @unit OR provider = @unit)", { unit: filter.unit });
    const rows = this.db.prepare(`SELECT * FROM data_issues ${where.sql} ORDER BY id DESC`).all(where.params) as DataIssueRow[];
    const overdue = filter?.overdue;
    // Overdue depends on the day: the deadline rule decides it, not a copy of it in SQL.
    return rows.map(toRecord).filter((issue) => overdue === null || overdue === undefined || isPastDue(issueTask(issue), today) === overdue);
  }

  /** Issues reported on a provider's data in a window, as deadline tasks. */
  tasksOf(provider: string, window: InstantWindow): DeadlineTask[] {
    return (this.ofProviderRows.all({ provider, from: window.from ?? "", to: window.to }) as DataIssueRow[]).map((row) => issueTask(toRecord(row)));
  }
}
