import { ask, type Answer, type AnswerError, type Credentials } from "../../api/client.js";
import { filterInput, type LogFilter } from "./filter.js";
import { ACCESS_LOG_EXPORT, EXPORT_FIELDS, type AccessPage, type ExportRecord } from "./queries.js";

/** The API's page maximum: the fewest requests for a range. */
const EXPORT_PAGE = 500;
/** What a browser tab holds comfortably; a larger range is the CLI's (`ecofed audit export` streams). */
export const EXPORT_LIMIT = 100_000;

export type ExportResult =
  | { readonly kind: "done"; readonly ndjson: string; readonly count: number }
  | { readonly kind: "tooMany"; readonly total: number }
  | { readonly kind: "failed"; readonly errors: readonly AnswerError[]; readonly requestId: string | null };

/**
 * A record as `ecofed audit export` writes it: the same keys in the same order, the id a
 * number. prevHash is left out: the API does not serve it (each record's hash is there).
 */
export function exportLine(node: Readonly<Record<string, unknown>>): string {
  const record: Record<string, unknown> = {};
  for (const field of EXPORT_FIELDS) record[field] = field === "id" ? Number(node[field]) : (node[field] ?? null);
  return JSON.stringify(record as ExportRecord);
}

/**
 * Every record the filter matches, read page by page (newest first, as the API pages) and
 * written oldest first, as the CLI does. Records committed after the first page are newer
 * than it and so are not in the file: it is the range as it stood when the export began.
 */
export async function exportLog(credentials: Credentials, filter: LogFilter, progress: (done: number, total: number) => void): Promise<ExportResult> {
  const pages: string[][] = [];
  let after: string | null = null;
  let done = 0;
  for (;;) {
    const answer: Answer<AccessPage<Record<string, unknown>>> = await ask<AccessPage<Record<string, unknown>>>(credentials, ACCESS_LOG_EXPORT, { filter: filterInput(filter), first: EXPORT_PAGE, after });
    const log = answer.data?.accessLog;
    if (!log || answer.errors.length > 0) return { kind: "failed", errors: answer.errors, requestId: answer.requestId };
    if (after === null && log.totalCount > EXPORT_LIMIT) return { kind: "tooMany", total: log.totalCount };
    pages.push(log.nodes.map(exportLine));
    done += log.nodes.length;
    progress(done, Math.max(done, log.totalCount));
    if (!log.pageInfo.hasNextPage || !log.pageInfo.endCursor) break;
    after = log.pageInfo.endCursor;
  }
  const lines = pages.flat().reverse();
  return { kind: "done", ndjson: lines.map((l) => `${l}\n`).join(""), count: lines.length };
}

export function exportFileName(now: Date): string {
  return `access-log-${now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z")}.ndjson`;
}
