import type Database from "better-sqlite3";
import type { Grant } from "../directives/share/evaluate.js";
import type { SharePurpose } from "../directives/share/rule.js";
import { endOfShanghaiDay, shanghaiDay } from "./deadlines.js";

/** What the gateway enforces from governance (CONTRACT §4 rules 1, 3 and 6). */
export interface GovernanceState {
  /** Moves with every change to grants or suspensions: decisions cached under another version are stale. */
  readonly version: number;
  /** Grants active at `now`, with their last valid day; `coordinated` when the cac-office made them (Art. 22). */
  readonly grants: readonly (Grant & { readonly validUntil: string })[];
  /** Suspensions in force at `now` (Art. 29); `until` is their last day. */
  readonly suspensions: readonly { readonly unit: string; readonly until: string }[];
  /** When the earliest of those grants or suspensions runs out: read again then, even if the version stays. */
  readonly nextChangeAt: Date | null;
}

interface GrantRow {
  id: number;
  unit: string;
  coordinates: string;
  purpose: string;
  coordinated: number;
  valid_until: string;
}

type Reader = (today: string) => GovernanceState;
const readers = new WeakMap<Database.Database, Reader>();
const versionReaders = new WeakMap<Database.Database, Database.Statement>();

/** The store's state version alone: one indexed read, asked before every request (statement prepared once per handle). */
export function readGovernanceVersion(db: Database.Database): number {
  let statement = versionReaders.get(db);
  if (!statement) {
    statement = db.prepare("SELECT state_version FROM governance_state WHERE id = 1").pluck();
    versionReaders.set(db, statement);
  }
  return statement.get() as number;
}

/** When the earliest of these grants or suspensions runs out (the end of its last day, Asia/Shanghai); null when none does. */
export function nextChangeAt(grants: readonly { readonly validUntil: string }[], suspensions: readonly { readonly until: string }[]): Date | null {
  const lastDays = [...grants.map((g) => g.validUntil), ...suspensions.map((s) => s.until)].sort();
  return lastDays[0] ? endOfShanghaiDay(lastDays[0]) : null;
}

/**
 * Reads the governance state from a governance store, read-only: three indexed SELECTs in
 * one read transaction, so the version always matches the rows. Works on the gateway's own
 * handle of the file; statements are prepared once per handle.
 */
export function readGovernanceState(db: Database.Database, now: Date): GovernanceState {
  let read = readers.get(db);
  if (!read) {
    read = prepareReader(db);
    readers.set(db, read);
  }
  return read(shanghaiDay(now));
}

function prepareReader(db: Database.Database): Reader {
  const grants = db.prepare(
    "SELECT id, unit, coordinates, purpose, coordinated, valid_until FROM grants WHERE revoked_at IS NULL AND valid_until >= ? ORDER BY id",
  );
  const suspensions = db.prepare("SELECT unit, until FROM suspensions WHERE lifted_at IS NULL AND until >= ? ORDER BY id");
  return db.transaction((today: string): GovernanceState => {
    const inForce = (grants.all(today) as GrantRow[]).map(toGrant);
    const suspended = (suspensions.all(today) as { unit: string; until: string }[]).map((s) => ({ unit: s.unit, until: s.until }));
    return { version: readGovernanceVersion(db), grants: inForce, suspensions: suspended, nextChangeAt: nextChangeAt(inForce, suspended) };
  });
}

function toGrant(row: GrantRow): Grant & { validUntil: string } {
  return {
    validUntil: row.valid_until,
    id: String(row.id),
    unit: row.unit,
    coordinates: JSON.parse(row.coordinates) as string[],
    purpose: row.purpose as SharePurpose,
    coordinated: row.coordinated === 1,
  };
}
