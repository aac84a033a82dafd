import type Database from "better-sqlite3";
import { AuditStrings } from "../../audit/audit-strings.js";
import { storedToRecord, type StoredRecordRow } from "../../audit/record-row.js";
import type { AccessLogFilter } from "./access-log-filter.js";
import { AccessStatsDimension, TimeBucket } from "./access-stats.js";
import type { Visibility } from "./visibility.js";

const COLUMN: Record<AccessStatsDimension, string> = {
  [AccessStatsDimension.UNIT]: "unit",
  [AccessStatsDimension.OWNER]: "owner",
  [AccessStatsDimension.COORDINATE]: "coordinate",
  [AccessStatsDimension.DECISION]: "decision",
  [AccessStatsDimension.REASON]: "reason",
  [AccessStatsDimension.PURPOSE]: "purpose",
};
// ISO instants: the first 13 characters are the hour, the first 10 the day (UTC).
const BUCKET: Record<TimeBucket, string> = {
  [TimeBucket.HOUR]: "substr(at, 1, 13) || ':00:00.000Z'",
  [TimeBucket.DAY]: "substr(at, 1, 10) || 'T00:00:00.000Z'",
};
/**
 * The filter columns with an index (column, id, the other four): the first one a query sets
 * names the index it reads, in id order for newest-first pages, and whole for counts (every
 * other filter column is in it). Named rather than left to the planner, which without table
 * statistics cannot tell a coordinate (rare) from a decision (frequent).
 */
const INDEXED = ["coordinate", "unit", "owner", "purpose", "decision"] as const;

interface Where {
  readonly sql: string;
  readonly params: Record<string, unknown>;
}

/** The audit log's queries. Statements differ by which filters are set; SQLite caches their plans. */
export class AuditRepository {
  private readonly strings: AuditStrings;

  constructor(private readonly db: Database.Database) {
    this.strings = new AuditStrings(db);
  }

  page(visibility: Visibility, filter: AccessLogFilter | null | undefined, beforeId: number | null, limit: number) {
    const w = this.where(visibility, filter, beforeId);
    if (!w) return { records: [], hasNextPage: false };
    const rows = this.db.prepare(`SELECT * FROM audit_records ${w.sql} ORDER BY id DESC LIMIT @limit`).all({ ...w.params, limit: limit + 1 }) as StoredRecordRow[];
    return { records: rows.slice(0, limit).map((row) => storedToRecord(row, this.strings)), hasNextPage: rows.length > limit };
  }

  count(visibility: Visibility, filter: AccessLogFilter | null | undefined): number {
    const w = this.where(visibility, filter, null);
    if (!w) return 0;
    return (this.db.prepare(`SELECT count(*) AS n FROM audit_records ${w.sql}`).get(w.params) as { n: number }).n;
  }

  stats(visibility: Visibility, filter: AccessLogFilter | null | undefined, groupBy: readonly AccessStatsDimension[], bucket: TimeBucket | null) {
    const w = this.where(visibility, filter, null);
    if (!w) return [];
    const dimensions = [...new Set(groupBy)].map((d) => COLUMN[d]);
    const keys = [...(bucket ? ["bucket"] : []), ...dimensions];
    const inner = [...(bucket ? [`${BUCKET[bucket]} AS bucket`] : []), ...dimensions];
    // Grouped by number, then each number read as its string: ordered by the strings, as before.
    const outer = [...(bucket ? ["bucket"] : []), ...dimensions.map((c) => `(SELECT value FROM audit_strings WHERE id = g.${c}) AS ${c}`)];
    const group = keys.length > 0 ? `GROUP BY ${keys.join(", ")}` : "";
    const order = keys.length > 0 ? `ORDER BY ${keys.join(", ")}` : "";
    const sql = `SELECT ${[...outer, "count"].join(", ")} FROM (SELECT ${[...inner, "count(*) AS count"].join(", ")} FROM audit_records ${w.sql} ${group}) g ${order}`;
    return this.db.prepare(sql).all(w.params) as Record<string, unknown>[];
  }

  /**
   * Row filters: the requester's visibility first, then the filter's conditions (all must
   * hold). Null when one names a string no record holds: then no record matches.
   */
  private where(visibility: Visibility, filter: AccessLogFilter | null | undefined, beforeId: number | null): Where | null {
    const clauses: string[] = [];
    const params: Record<string, unknown> = {};
    const equal = new Set<string>();
    const eq = (column: string, value: string | null | undefined, name: string): boolean => {
      if (value === null || value === undefined) return true;
      const id = this.strings.find(value);
      if (id === null) return false;
      clauses.push(`${column} = @${name}`);
      params[name] = id;
      equal.add(column);
      return true;
    };
    const known =
      (visibility.kind !== "owner" || eq("owner", visibility.owner, "visibleOwner")) &&
      eq("unit", filter?.unit, "unit") &&
      eq("owner", filter?.owner, "owner") &&
      eq("coordinate", filter?.coordinate, "coordinate") &&
      eq("decision", filter?.decision, "decision") &&
      eq("purpose", filter?.purpose, "purpose");
    if (!known) return null;
    if (filter?.requestId) {
      // One request's records are contiguous: its id range, then the exact id.
      clauses.push(`id BETWEEN (SELECT first_id FROM audit_requests WHERE request_id = @requestId)
        AND (SELECT last_id FROM audit_requests WHERE request_id = @requestId) AND request_id = @requestId`);
      params["requestId"] = filter.requestId;
    }
    if (filter?.from) {
      clauses.push("at >= @from");
      params["from"] = new Date(filter.from).toISOString();
    }
    if (filter?.to) {
      clauses.push("at < @to");
      params["to"] = new Date(filter.to).toISOString();
    }
    if (beforeId !== null) {
      clauses.push("id < @beforeId");
      params["beforeId"] = beforeId;
    }
    const index = INDEXED.find((c) => equal.has(c));
    const indexed = index ? `INDEXED BY audit_by_${index} ` : "";
    return { sql: `${indexed}${clauses.length > 0 ? `WHERE ${clauses.join(" AND ")}` : ""}`, params };
  }
}
