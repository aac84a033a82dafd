import type Database from "better-sqlite3";
import { rowToRecord, type AccessRecordRow } from "../../audit/record-row.js";
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

interface Where {
  readonly sql: string;
  readonly params: Record<string, unknown>;
}

/** Row filters: the requester's visibility first, then the filter's conditions (all must hold). */
function where(visibility: Visibility, filter: AccessLogFilter | null | undefined, beforeId: number | null): Where {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  if (visibility.kind === "owner") {
    clauses.push("owner = @visibleOwner");
    params["visibleOwner"] = visibility.owner;
  }
  const eq = (column: string, value: string | null | undefined, name: string): void => {
    if (value === null || value === undefined) return;
    clauses.push(`${column} = @${name}`);
    params[name] = value;
  };
  eq("unit", filter?.unit, "unit");
  eq("owner", filter?.owner, "owner");
  eq("coordinate", filter?.coordinate, "coordinate");
  eq("decision", filter?.decision, "decision");
  eq("purpose", filter?.purpose, "purpose");
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
  return { sql: clauses.length > 0 ? `WHERE ${clauses.join(" AND ")}` : "", params };
}

/** The audit log's queries. Statements differ by which filters are set; SQLite caches their plans. */
export class AuditRepository {
  constructor(private readonly db: Database.Database) {}

  page(visibility: Visibility, filter: AccessLogFilter | null | undefined, beforeId: number | null, limit: number) {
    const w = where(visibility, filter, beforeId);
    const rows = this.db.prepare(`SELECT * FROM access_records ${w.sql} ORDER BY id DESC LIMIT @limit`).all({ ...w.params, limit: limit + 1 }) as AccessRecordRow[];
    return { records: rows.slice(0, limit).map(rowToRecord), hasNextPage: rows.length > limit };
  }

  count(visibility: Visibility, filter: AccessLogFilter | null | undefined): number {
    const w = where(visibility, filter, null);
    return (this.db.prepare(`SELECT count(*) AS n FROM access_records ${w.sql}`).get(w.params) as { n: number }).n;
  }

  stats(visibility: Visibility, filter: AccessLogFilter | null | undefined, groupBy: readonly AccessStatsDimension[], bucket: TimeBucket | null) {
    const w = where(visibility, filter, null);
    const columns = [...new Set(groupBy)].map((d) => `${COLUMN[d]} AS ${COLUMN[d]}`);
    if (bucket) columns.unshift(`${BUCKET[bucket]} AS bucket`);
    const keys = columns.map((c) => c.split(" AS ")[1]!);
    const select = columns.length > 0 ? `${columns.join(", ")}, ` : "";
    const group = keys.length > 0 ? `GROUP BY ${keys.join(", ")} ORDER BY ${keys.join(", ")}` : "";
    return this.db.prepare(`SELECT ${select}count(*) AS count FROM access_records ${w.sql} ${group}`).all(w.params) as Record<string, unknown>[];
  }
}
