import type Database from "better-sqlite3";
import { suspensionActive } from "../../governance/supervision-workflow.js";
import type { SuspensionRecord } from "./suspension.js";

interface SuspensionRow {
  id: number;
  unit: string;
  reason: string;
  since: string;
  until: string;
  lifted_at: string | null;
  lift_reason: string | null;
}

function toRecord(row: SuspensionRow): SuspensionRecord {
  return { id: String(row.id), unit: row.unit, reason: row.reason, since: row.since, until: row.until, liftedAt: row.lifted_at, liftReason: row.lift_reason };
}

/** Whether a stored suspension is in force on a day. */
export function isActive(suspension: SuspensionRecord, today: string): boolean {
  return suspensionActive({ lifted: suspension.liftedAt !== null, until: suspension.until }, today);
}

/** The suspensions table; every change moves the state version (a trigger, same transaction). */
export class SuspensionRepository {
  private readonly insertRow: Database.Statement;
  private readonly getRow: Database.Statement;
  private readonly latestRow: Database.Statement;
  private readonly liftRow: Database.Statement;
  private readonly allRows: Database.Statement;

  constructor(db: Database.Database) {
    this.insertRow = db.prepare("INSERT INTO suspensions (unit, reason, since, until) VALUES (@unit, @reason, @since, @until)");
    this.getRow = db.prepare("SELECT * FROM suspensions WHERE id = ?");
    this.latestRow = db.prepare("SELECT * FROM suspensions WHERE unit = ? ORDER BY id DESC LIMIT 1");
    this.liftRow = db.prepare("UPDATE suspensions SET lifted_at = @at, lift_reason = @reason WHERE id = @id");
    this.allRows = db.prepare("SELECT * FROM suspensions ORDER BY id DESC");
  }

  insert(suspension: Omit<SuspensionRecord, "id" | "liftedAt" | "liftReason">): number {
    return Number(this.insertRow.run(suspension).lastInsertRowid);
  }

  get(id: number): SuspensionRecord {
    return toRecord(this.getRow.get(id) as SuspensionRow);
  }

  /** A unit's latest suspension: only it can be in force, since a new one needs the last one over. */
  latestOf(unit: string): SuspensionRecord | null {
    const row = this.latestRow.get(unit) as SuspensionRow | undefined;
    return row ? toRecord(row) : null;
  }

  lift(id: number, reason: string, at: string): void {
    this.liftRow.run({ id, reason, at });
  }

  /** Every suspension, in force or over, newest first: visible to every requester. */
  list(): SuspensionRecord[] {
    return (this.allRows.all() as SuspensionRow[]).map(toRecord);
  }
}
