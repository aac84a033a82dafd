import type Database from "better-sqlite3";
import { isOverdue, type ApplicationState, type ApplicationStatus } from "../../governance/application-workflow.js";
import type { SharePurpose } from "../../directives/share/rule.js";
import type { ApplicationRecord } from "./application.js";
import type { ApplicationFilter } from "./application-filter.js";
import { SqlWhere } from "./sql-where.js";
import { restrictTo, type Visibility } from "./visibility.js";

interface ApplicationRow {
  id: number;
  applicant: string;
  principal: string;
  provider: string;
  coordinates: string;
  purpose: string;
  justification: string;
  valid_days: number;
  not_shared: number;
  escalated: number;
  status: string;
  submitted_at: string;
  due_by: string;
  reason: string | null;
  updated_at: string;
}

export type NewApplication = Omit<ApplicationRecord, "id" | "reason" | "updatedAt"> & { readonly supergraphVersion: number };

function toRecord(row: ApplicationRow): ApplicationRecord {
  return {
    id: String(row.id),
    applicant: row.applicant,
    submittedBy: row.principal,
    provider: row.provider,
    coordinates: JSON.parse(row.coordinates) as string[],
    purpose: row.purpose as SharePurpose,
    justification: row.justification,
    validDays: row.valid_days,
    notShared: row.not_shared === 1,
    escalated: row.escalated === 1,
    status: row.status as ApplicationStatus,
    submittedAt: row.submitted_at,
    dueBy: row.due_by,
    reason: row.reason,
    updatedAt: row.updated_at,
  };
}

/** The applications table. */
export class ApplicationRepository {
  private readonly insertRow: Database.Statement;
  private readonly getRow: Database.Statement;
  private readonly updateRow: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.insertRow = db.prepare(`INSERT INTO applications
      (applicant, principal, provider, coordinates, purpose, justification, valid_days, not_shared, escalated, status, submitted_at, due_by, updated_at, supergraph_version)
      VALUES (@applicant, @submittedBy, @provider, @coordinates, @purpose, @justification, @validDays, @notShared, @escalated, @status, @submittedAt, @dueBy, @submittedAt, @supergraphVersion)`);
    this.getRow = db.prepare("SELECT * FROM applications WHERE id = ?");
    this.updateRow = db.prepare("UPDATE applications SET status = @status, escalated = @escalated, reason = coalesce(@reason, reason), updated_at = @at WHERE id = @id");
  }

  insert(application: NewApplication): string {
    const { lastInsertRowid } = this.insertRow.run({
      ...application,
      coordinates: JSON.stringify(application.coordinates),
      notShared: application.notShared ? 1 : 0,
      escalated: application.escalated ? 1 : 0,
    });
    return String(lastInsertRowid);
  }

  get(id: number): ApplicationRecord | null {
    const row = this.getRow.get(id) as ApplicationRow | undefined;
    return row ? toRecord(row) : null;
  }

  /** Moves an application to its next state; a transition without a reason keeps the last one given. */
  update(id: number, state: ApplicationState, reason: string | null, at: string): void {
    this.updateRow.run({ id, status: state.status, escalated: state.escalated ? 1 : 0, reason, at });
  }

  /** The applications the requester may see that match the filter, newest first. */
  list(visibility: Visibility, filter: ApplicationFilter | null | undefined, today: string): ApplicationRecord[] {
    const where = restrictTo(new SqlWhere(), visibility, ["applicant", "provider"])
      .oneOf("status", filter?.status)
      .eq("applicant", filter?.applicant)
      .eq("provider", filter?.provider)
      .holds("coordinates", filter?.coordinate, "coordinate");
    if (filter?.unit) where.add("(applicant = @unit OR provider = @unit)", { unit: filter.unit });
    if (filter?.submittedFrom) where.add("submitted_at >= @from", { from: new Date(filter.submittedFrom).toISOString() });
    if (filter?.submittedTo) where.add("submitted_at < @to", { to: new Date(filter.submittedTo).toISOString() });
    const rows = this.db.prepare(`SELECT * FROM applications ${where.sql} ORDER BY id DESC`).all(where.params) as ApplicationRow[];
    const records = rows.map(toRecord);
    // Overdue depends on the day; the workflow's rule decides it, not a copy of it in SQL.
    const overdue = filter?.overdue;
    return overdue === null || overdue === undefined ? records : records.filter((r) => isOverdue(r, r.dueBy, today) === overdue);
  }
}
