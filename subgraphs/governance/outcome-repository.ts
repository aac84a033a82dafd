import type Database from "better-sqlite3";
import type { OutcomeRecord } from "./outcome.js";
import { SqlWhere } from "./sql-where.js";
import type { Visibility } from "./visibility.js";

interface OutcomeRow {
  id: number;
  reporter: string;
  principal: string;
  coordinates: string;
  providers: string;
  description: string;
  benefit: string | null;
  reported_at: string;
}

function toRecord(row: OutcomeRow): OutcomeRecord {
  return {
    id: String(row.id),
    reporter: row.reporter,
    reportedBy: row.principal,
    coordinates: JSON.parse(row.coordinates) as string[],
    providers: JSON.parse(row.providers) as string[],
    description: row.description,
    benefit: row.benefit,
    reportedAt: row.reported_at,
  };
}

// An outcome concerns its reporter and every provider of the data it used.
const PARTY = (name: string): string => `(reporter = @${name} OR EXISTS (SELECT 1 FROM json_each(providers) WHERE value = @${name}))`;

/** The outcomes table. */
export class OutcomeRepository {
  private readonly insertRow: Database.Statement;
  private readonly getRow: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.insertRow = db.prepare(`INSERT INTO outcomes (reporter, principal, coordinates, providers, description, benefit, reported_at)
      VALUES (@reporter, @reportedBy, @coordinates, @providers, @description, @benefit, @reportedAt)`);
    this.getRow = db.prepare("SELECT * FROM outcomes WHERE id = ?");
  }

  insert(outcome: Omit<OutcomeRecord, "id">): number {
    const row = { ...outcome, coordinates: JSON.stringify(outcome.coordinates), providers: JSON.stringify(outcome.providers) };
    return Number(this.insertRow.run(row).lastInsertRowid);
  }

  get(id: number): OutcomeRecord {
    return toRecord(this.getRow.get(id) as OutcomeRow);
  }

  /** The outcomes the requester may see, of `unit` (as reporter or provider) when given, newest first. */
  list(visibility: Visibility, unit: string | null | undefined): OutcomeRecord[] {
    const where = new SqlWhere();
    if (visibility.kind === "party") where.add(PARTY("visibleUnit"), { visibleUnit: visibility.unit });
    if (unit) where.add(PARTY("unit"), { unit });
    return (this.db.prepare(`SELECT * FROM outcomes ${where.sql} ORDER BY id DESC`).all(where.params) as OutcomeRow[]).map(toRecord);
  }
}
