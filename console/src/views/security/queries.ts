/** The security view's GraphQL: the audit subgraph's public fields, nothing else. */

export interface AccessRow {
  readonly id: string;
  readonly at: string;
  readonly requestId: string;
  readonly unit: string;
  readonly principal: string;
  readonly owner: string;
  readonly coordinate: string;
  readonly decision: string;
  readonly reason: string | null;
  readonly purpose: string | null;
}

export interface AccessPage<R> {
  readonly accessLog: {
    readonly totalCount: number;
    readonly nodes: readonly R[];
    readonly pageInfo: { readonly endCursor: string | null; readonly hasNextPage: boolean };
  };
}

export const ACCESS_LOG = `query AccessLog($filter: AccessLogFilter, $first: Int, $after: String) {
  accessLog(filter: $filter, first: $first, after: $after) {
    totalCount
    nodes { id at requestId unit principal owner coordinate decision reason purpose }
    pageInfo { endCursor hasNextPage }
  }
}`;

/** Every field AccessRecord has: what `ecofed audit export` writes per line, but prevHash (not served). */
export const EXPORT_FIELDS = [
  "id", "at", "requestId", "unit", "principal", "purpose", "coordinate", "owner", "shareClass", "decision", "reason", "grantId",
  "operationName", "operationHash", "clientName", "clientVersion", "valueCount", "policyVersion", "hash",
] as const;

export type ExportRecord = Readonly<Record<(typeof EXPORT_FIELDS)[number], string | number | null>>;

export const ACCESS_LOG_EXPORT = `query AccessLogExport($filter: AccessLogFilter, $first: Int, $after: String) {
  accessLog(filter: $filter, first: $first, after: $after) {
    totalCount
    nodes { ${EXPORT_FIELDS.join(" ")} }
    pageInfo { endCursor hasNextPage }
  }
}`;

export interface StatsRow {
  readonly bucket?: string | null;
  readonly unit?: string | null;
  readonly owner?: string | null;
  readonly coordinate?: string | null;
  readonly decision?: string | null;
  readonly reason?: string | null;
  readonly count: number;
}

export const DECISIONS_OVER_TIME = `query DecisionsOverTime($filter: AccessLogFilter, $bucket: TimeBucket) {
  accessStats(filter: $filter, bucket: $bucket, groupBy: [DECISION]) { bucket decision count }
}`;

export const TOP_DENIED = `query TopDenied($filter: AccessLogFilter) {
  coordinates: accessStats(filter: $filter, groupBy: [COORDINATE, OWNER]) { coordinate owner count }
  reasons: accessStats(filter: $filter, groupBy: [REASON]) { reason count }
}`;

export const REQUESTER_BY_OWNER = `query RequesterByOwner($filter: AccessLogFilter) {
  accessStats(filter: $filter, groupBy: [UNIT, OWNER]) { unit owner count }
}`;

export interface Integrity {
  readonly ok: boolean;
  readonly records: number;
  readonly firstBrokenId: string | null;
  readonly problems: readonly string[];
}

export const AUDIT_INTEGRITY = `query AuditIntegrity { auditIntegrity { ok records firstBrokenId problems } }`;
