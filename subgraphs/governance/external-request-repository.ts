import type Database from "better-sqlite3";
import type { SharePurpose } from "../../directives/share/rule.js";
import type { ExternalRequestStatus } from "../../governance/external-request-workflow.js";
import type { ExternalRequestRecord } from "./external-request.js";
import { SqlWhere } from "./sql-where.js";
import { restrictTo, type Visibility } from "./visibility.js";

interface ExternalRequestRow {
  id: number;
  unit: string;
  principal: string;
  department: string;
  resource: string;
  purpose: string;
  justification: string;
  status: string;
  submitted_at: string;
  reason: string | null;
  updated_at: string;
}

function toRecord(row: ExternalRequestRow): ExternalRequestRecord {
  return {
    id: String(row.id),
    unit: row.unit,
    requestedBy: row.principal,
    department: row.department,
    resource: row.resource,
    purpose: row.purpose as SharePurpose,
    justification: row.justification,
    status: row.status as ExternalRequestStatus,
    submittedAt: row.submitted_at,
    reason: row.reason,
    updatedAt: row.updated_at,
  };
}

/** The external_requests table. */
export class ExternalRequestRepository {
  private readonly insertRow: Database.Statement;
  private readonly getRow: Database.Statement;
  private readonly updateRow: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.insertRow = db.prepare(`INSERT INTO external_requests (unit, principal, department, resource, purpose, justification, status, submitted_at, updated_at)
      VALUES (@unit, @requestedBy, @department, @resource, @purpose, @justification, @status, @submittedAt, @submittedAt)`);
    this.getRow = db.prepare("SELECT * FROM external_requests WHERE id = ?");
    this.updateRow = db.prepare("UPDATE external_requests SET status = @status, reason = @reason, updated_at = @at WHERE id = @id");
  }

  insert(request: Omit<ExternalRequestRecord, "id" | "reason" | "updatedAt">): number {
    return Number(this.insertRow.run(request).lastInsertRowid);
  }

  get(id: number): ExternalRequestRecord | null {
    const row = this.getRow.get(id) as ExternalRequestRow | undefined;
    return row ? toRecord(row) : null;
  }

  update(id: number, status: ExternalRequestStatus, reason: string | null, at: string): void {
    this.updateRow.run({ id, status, reason, at });
  }

  /** The requests the requester may see, newest first. */
  list(visibility: Visibility): ExternalRequestRecord[] {
    const where = restrictTo(new SqlWhere(), visibility, ["unit"]);
    return (this.db.prepare(`SELECT * FROM external_requests ${where.sql} ORDER BY id DESC`).all(where.params) as ExternalRequestRow[]).map(toRecord);
  }
}
