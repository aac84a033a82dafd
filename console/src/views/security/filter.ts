import { href } from "../../app/router.js";

/** AccessLogFilter's fields (the API's input, every one optional), in the order the form shows them. */
export const FILTER_FIELDS = ["unit", "owner", "coordinate", "decision", "purpose", "requestId", "from", "to"] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];
export type LogFilter = Partial<Record<FilterField, string>>;

export const DECISIONS = ["ALLOWED", "MASKED", "DENIED"] as const;
export type Decision = (typeof DECISIONS)[number];

export const BUCKETS = ["HOUR", "DAY"] as const;
export type Bucket = (typeof BUCKETS)[number];

export const PAGE_SIZES = [20, 50, 100, 200] as const;
export const DEFAULT_PAGE_SIZE = 50;

/**
 * The view's state, all of it in the URL (a filtered log can be bookmarked and sent to a
 * colleague). `trail` holds the cursors of the pages walked through: the API pages forward
 * only (endCursor), so "previous" is the trail without its last cursor.
 */
export interface SecurityState {
  readonly filter: LogFilter;
  readonly trail: readonly string[];
  readonly first: number;
  readonly bucket: Bucket;
}

// Cursors are base64url, so "." never occurs in one.
const TRAIL_SEPARATOR = ".";

export function stateFrom(params: URLSearchParams): SecurityState {
  const filter: LogFilter = {};
  for (const field of FILTER_FIELDS) {
    const value = params.get(field)?.trim();
    if (value) filter[field] = value;
  }
  const trail = (params.get("after") ?? "").split(TRAIL_SEPARATOR).filter((c) => c !== "");
  const first = Number(params.get("first"));
  const bucket = BUCKETS.find((b) => b === params.get("bucket")) ?? "HOUR";
  return { filter, trail, first: PAGE_SIZES.some((s) => s === first) ? first : DEFAULT_PAGE_SIZE, bucket };
}

export function securityHref(state: SecurityState): string {
  const params: Record<string, string> = {};
  for (const field of FILTER_FIELDS) {
    const value = state.filter[field];
    if (value) params[field] = value;
  }
  if (state.trail.length > 0) params["after"] = state.trail.join(TRAIL_SEPARATOR);
  if (state.first !== DEFAULT_PAGE_SIZE) params["first"] = String(state.first);
  if (state.bucket !== "HOUR") params["bucket"] = state.bucket;
  return href("security", params);
}

/** The same view with another filter: back on the first page, since the old cursors belong to the old filter. */
export function withFilter(state: SecurityState, filter: LogFilter): string {
  return securityHref({ ...state, filter, trail: [] });
}

/** The filter as AccessLogFilter variables; null when nothing is set (the whole visible log). */
/** The variables of the access log page a state shows (ACCESS_LOG): the table's, and what start prefetches. */
export function logPageVariables(state: SecurityState): Record<string, unknown> {
  return { filter: filterInput(state.filter), first: state.first, after: state.trail[state.trail.length - 1] ?? null };
}

export function filterInput(filter: LogFilter): LogFilter | null {
  const input: LogFilter = {};
  for (const field of FILTER_FIELDS) if (filter[field]) input[field] = filter[field];
  return Object.keys(input).length > 0 ? input : null;
}

const pad = (n: number): string => String(n).padStart(2, "0");

/** An instant as a datetime-local input shows it: the reader's local time, to the second. */
export function toLocalInput(iso: string | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** A datetime-local value (local time, no offset) as the instant the API compares with. */
export function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}
