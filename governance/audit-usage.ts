import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import { SHARE_PURPOSES, type SharePurpose } from "../directives/share/rule.js";
import { byCodePoint } from "./catalog/code-point-order.js";
import type { InstantWindow } from "./evaluation-period.js";

/** What the access log says of a unit as a requester of other units' data (Art. 25, 29(3)). */
export interface RequesterUsage {
  /** Records of its reads of other units' fields. */
  readonly records: number;
  readonly denied: number;
  /** Fields it read for more than one declared purpose: a sign the purpose is not its duty's (Art. 25). */
  readonly purposeSpread: readonly PurposeSpread[];
}

export interface PurposeSpread {
  readonly coordinate: string;
  readonly purposes: readonly SharePurpose[];
  readonly records: number;
}

interface CountRow {
  records: number;
  denied: number | null;
}

interface SpreadRow {
  coordinate: string;
  purposes: string;
  records: number;
}

/**
 * Reads the access log (the audit store the gateway writes, CONTRACT §6) for each unit, on a
 * read-only connection opened for this one read: governance never writes it, and holds no
 * handle on it between evaluations. Null when there is no log yet, so "nothing measured" is
 * never mistaken for a clean record. A unit's own data is left out: it always reads it.
 */
export function readAuditUsage(file: string, units: readonly string[], window: InstantWindow): Map<string, RequesterUsage> | null {
  if (!existsSync(file)) return null;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    // The (unit, id) index narrows to the unit; its rows in the window are then read once per query.
    const where = "unit = @unit AND owner <> @unit AND at >= @from AND at < @to";
    const counts = db.prepare(`SELECT count(*) AS records, sum(decision = 'DENIED') AS denied FROM access_records WHERE ${where}`);
    const spread = db.prepare(`SELECT coordinate, json_group_array(DISTINCT purpose) AS purposes, count(*) AS records FROM access_records
      WHERE ${where} AND purpose IS NOT NULL GROUP BY coordinate HAVING count(DISTINCT purpose) > 1 ORDER BY coordinate`);
    // ISO-8601 instants in UTC compare as text; "" precedes every one of them.
    const bounds = { from: window.from ?? "", to: window.to };
    return new Map(units.map((unit) => [unit, usageOf(counts.get({ unit, ...bounds }) as CountRow, spread.all({ unit, ...bounds }) as SpreadRow[])]));
  } finally {
    db.close();
  }
}

function usageOf(counts: CountRow, spread: readonly SpreadRow[]): RequesterUsage {
  return {
    records: counts.records,
    denied: counts.denied ?? 0,
    purposeSpread: spread
      .map((row) => ({ coordinate: row.coordinate, purposes: purposesIn(row.purposes), records: row.records }))
      .sort((a, b) => b.purposes.length - a.purposes.length || byCodePoint(a.coordinate, b.coordinate)),
  };
}

/** The purposes in the spec's order, whatever order SQLite grouped them in. */
function purposesIn(json: string): SharePurpose[] {
  const found = new Set(JSON.parse(json) as string[]);
  return SHARE_PURPOSES.filter((p) => found.has(p));
}
