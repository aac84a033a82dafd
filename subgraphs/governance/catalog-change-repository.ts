import type Database from "better-sqlite3";
import type { InstantWindow } from "../../governance/evaluation-period.js";
import type { DeadlineTask } from "../../governance/deadline-outcome.js";
import { groupByKey } from "../_kit/batch.js";
import type { CatalogChangeRecord } from "./catalog-change.js";
import { SqlWhere } from "./sql-where.js";

interface ChangeRow {
  id: number;
  version: number;
  unit: string;
  subjects: string;
  changed_at: string;
  due_by: string;
  confirmed_at: string | null;
  confirmed_by: string | null;
}

function toRecord(row: ChangeRow): CatalogChangeRecord {
  return {
    id: String(row.id),
    version: row.version,
    unit: row.unit,
    subjects: JSON.parse(row.subjects) as string[],
    changedAt: row.changed_at,
    dueBy: row.due_by,
    status: row.confirmed_at === null ? "AWAITING_CONFIRMATION" : "CONFIRMED",
    confirmedAt: row.confirmed_at,
    confirmedBy: row.confirmed_by,
  };
}

/** A catalog change as a task with a deadline: confirming it answers it (Art. 12). */
export function changeTask(change: CatalogChangeRecord): DeadlineTask {
  return { dueBy: change.dueBy, answeredAt: change.confirmedAt, withdrawnAt: null };
}

/** The catalog_changes table. */
export class CatalogChangeRepository {
  private readonly insertRow: Database.Statement;
  private readonly getRow: Database.Statement;
  private readonly findRow: Database.Statement;
  private readonly confirmRow: Database.Statement;
  private readonly ofUnitRows: Database.Statement;
  private readonly ofVersionsRows: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.insertRow = db.prepare(`INSERT INTO catalog_changes (version, unit, subjects, changed_at, due_by)
      VALUES (@version, @unit, @subjects, @changedAt, @dueBy)`);
    this.getRow = db.prepare("SELECT * FROM catalog_changes WHERE id = ?");
    this.findRow = db.prepare("SELECT * FROM catalog_changes WHERE version = ? AND unit = ?");
    this.confirmRow = db.prepare("UPDATE catalog_changes SET confirmed_at = @at, confirmed_by = @by WHERE id = @id AND confirmed_at IS NULL");
    this.ofVersionsRows = db.prepare("SELECT * FROM catalog_changes WHERE version IN (SELECT CAST(value AS INTEGER) FROM json_each(?)) ORDER BY unit");
    this.ofUnitRows = db.prepare("SELECT * FROM catalog_changes WHERE unit = @unit AND changed_at >= @from AND changed_at < @to ORDER BY id");
  }

  insert(change: Pick<CatalogChangeRecord, "version" | "unit" | "subjects" | "changedAt" | "dueBy">): number {
    return Number(this.insertRow.run({ ...change, subjects: JSON.stringify(change.subjects) }).lastInsertRowid);
  }

  get(id: number): CatalogChangeRecord {
    return toRecord(this.getRow.get(id) as ChangeRow);
  }

  /** What a version changed of a unit, if anything. */
  find(version: number, unit: string): CatalogChangeRecord | null {
    const row = this.findRow.get(version, unit) as ChangeRow | undefined;
    return row ? toRecord(row) : null;
  }

  confirm(id: number, at: string, by: string): void {
    this.confirmRow.run({ id, at, by });
  }

  /** The changes matching the given conditions, newest first. */
  list(filter: { readonly unit?: string | null; readonly version?: number | null }): CatalogChangeRecord[] {
    const where = new SqlWhere().eq("unit", filter.unit).eq("version", filter.version);
    return (this.db.prepare(`SELECT * FROM catalog_changes ${where.sql} ORDER BY id DESC`).all(where.params) as ChangeRow[]).map(toRecord);
  }

  /** What each version changed of each unit, by unit (one statement for all the versions). */
  byVersions(versions: readonly number[]): (version: number) => CatalogChangeRecord[] {
    const groups = groupByKey<ChangeRow>(this.ofVersionsRows, versions.map(String), (row) => String(row.version));
    return (version) => (groups.get(String(version)) ?? []).map(toRecord);
  }

  /** A unit's changes made in a window, as deadline tasks. */
  tasksOf(unit: string, window: InstantWindow): DeadlineTask[] {
    return (this.ofUnitRows.all({ unit, from: window.from ?? "", to: window.to }) as ChangeRow[]).map((row) => changeTask(toRecord(row)));
  }
}
