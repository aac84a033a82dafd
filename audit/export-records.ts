import type Database from "better-sqlite3";
import type { AccessRecord } from "./access-event.js";
import { rowToRecord, type AccessRecordRow } from "./record-row.js";

/**
 * Records with `from <= at < to`, oldest first, one at a time (the log can be large). Read
 * through the `access_records` view: the CLI opens the file read-only, unmigrated perhaps,
 * and the view has the columns the table had before it.
 */
export function* recordsBetween(db: Database.Database, from: string, to: string): Generator<AccessRecord> {
  const rows = db.prepare(`SELECT * FROM access_records WHERE at >= ? AND at < ? ORDER BY id`).iterate(from, to) as IterableIterator<AccessRecordRow>;
  for (const row of rows) yield rowToRecord(row);
}
