import type Database from "better-sqlite3";
import type { SharePurpose } from "../../directives/share/rule.js";
import { grantStatus } from "../../governance/supervision-workflow.js";
import { groupByKey, rowsInOrder } from "../_kit/batch.js";
import type { GrantRecord } from "./grant.js";
import type { GrantFilter } from "./grant-filter.js";
import { SqlWhere } from "./sql-where.js";
import { restrictTo, type Visibility } from "./visibility.js";

interface GrantRow {
  id: number;
  application_id: number;
  unit: string;
  provider: string;
  coordinates: string;
  purpose: string;
  coordinated: number;
  granted_at: string;
  valid_until: string;
  revoked_at: string | null;
  revoked_reason: string | null;
}

export type NewGrant = Omit<GrantRecord, "id" | "revokedAt" | "revokedReason">;

function toRecord(row: GrantRow): GrantRecord {
  return {
    id: String(row.id),
    applicationId: String(row.application_id),
    unit: row.unit,
    provider: row.provider,
    coordinates: JSON.parse(row.coordinates) as string[],
    purpose: row.purpose as SharePurpose,
    coordinated: row.coordinated === 1,
    grantedAt: row.granted_at,
    validUntil: row.valid_until,
    revokedAt: row.revoked_at,
    revokedReason: row.revoked_reason,
  };
}

/** The status of a stored grant on a day. */
export function statusOf(grant: GrantRecord, today: string) {
  return grantStatus({ revoked: grant.revokedAt !== null, validUntil: grant.validUntil }, today);
}

/** The grants table; inserting or revoking moves the state version (a trigger, same transaction). */
export class GrantRepository {
  private readonly insertRow: Database.Statement;
  private readonly getRow: Database.Statement;
  private readonly revokeRow: Database.Statement;
  private readonly ofApplications: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.insertRow = db.prepare(`INSERT INTO grants (application_id, unit, provider, coordinates, purpose, coordinated, granted_at, valid_until)
      VALUES (@applicationId, @unit, @provider, @coordinates, @purpose, @coordinated, @grantedAt, @validUntil)`);
    this.getRow = db.prepare("SELECT * FROM grants WHERE id = ?");
    this.revokeRow = db.prepare("UPDATE grants SET revoked_at = @at, revoked_reason = @reason WHERE id = @id AND revoked_at IS NULL");
    this.ofApplications = db.prepare("SELECT * FROM grants WHERE application_id IN (SELECT CAST(value AS INTEGER) FROM json_each(?))");
  }

  insert(grant: NewGrant): string {
    const { lastInsertRowid } = this.insertRow.run({
      ...grant,
      applicationId: Number(grant.applicationId),
      coordinates: JSON.stringify(grant.coordinates),
      coordinated: grant.coordinated ? 1 : 0,
    });
    return String(lastInsertRowid);
  }

  get(id: number): GrantRecord | null {
    const row = this.getRow.get(id) as GrantRow | undefined;
    return row ? toRecord(row) : null;
  }

  revoke(id: number, reason: string, at: string): void {
    this.revokeRow.run({ id, reason, at });
  }

  /** The grant each application made, or null, in key order (one statement per batch). */
  byApplications(applicationIds: readonly string[]): (GrantRecord | null)[] {
    const groups = groupByKey<GrantRow>(this.ofApplications, applicationIds, (row) => String(row.application_id));
    return rowsInOrder(groups, applicationIds).map((row) => (row ? toRecord(row) : null));
  }

  /** The grants the requester may see that match the filter, newest first. */
  list(visibility: Visibility, filter: GrantFilter | null | undefined, today: string): GrantRecord[] {
    const where = restrictTo(new SqlWhere(), visibility, ["unit", "provider"])
      .eq("unit", filter?.unit)
      .eq("provider", filter?.provider)
      .eq("purpose", filter?.purpose)
      // Bound as given: the column's integer affinity converts a numeric id, anything else matches nothing.
      .eq("application_id", filter?.applicationId, "applicationId")
      .holds("coordinates", filter?.coordinate, "coordinate");
    const rows = this.db.prepare(`SELECT * FROM grants ${where.sql} ORDER BY id DESC`).all(where.params) as GrantRow[];
    const statuses = filter?.status;
    // Expiry depends on the day: the status rule decides it, not a copy of it in SQL.
    return rows.map(toRecord).filter((g) => !statuses || statuses.includes(statusOf(g, today)));
  }
}
