import { ApolloServerErrorCode } from "@apollo/server/errors";
import { ERROR_CODES } from "../../schema/errors.js";
import type { Answer } from "../helpers/raw-http.js";

/**
 * The codes a client may be answered with: ecofed's catalogue and Apollo Server's own
 * (a parse or validation failure) — never INTERNAL_SERVER_ERROR, which says we failed.
 */
export const STABLE_CODES: ReadonlySet<string> = new Set(
  [...Object.keys(ERROR_CODES), ...Object.values(ApolloServerErrorCode)].filter((code) => code !== "INTERNAL_SERVER_ERROR"),
);

/** How the fuzz tallies what it saw (to show it was not vacuous). */
export type AnswerKind = "data" | `error:${string}`;

/**
 * Why `answer` is not a coded answer, or null when it is: status below 500; a JSON body
 * whose every error carries a stable `extensions.code`, or data; a data answer marked
 * `Cache-Control: no-store`; an `X-Request-Id` on every answer. A HEAD answer has no body.
 */
export function codedAnswerProblem(answer: Answer, method: string): string | null {
  if (answer.status >= 500 || answer.status < 200) return `status ${answer.status}`;
  if (typeof answer.headers["x-request-id"] !== "string") return `no X-Request-Id (status ${answer.status})`;
  if (method === "HEAD") return null;
  let body: { data?: unknown; errors?: unknown };
  try {
    body = JSON.parse(answer.body.toString("utf8")) as typeof body;
  } catch {
    return `status ${answer.status}, the body is not JSON: ${JSON.stringify(answer.body.subarray(0, 120).toString("utf8"))}`;
  }
  if (body === null || typeof body !== "object" || Array.isArray(body)) return `status ${answer.status}, the body is not a JSON object`;
  const errors = body.errors;
  if (errors !== undefined) {
    if (!Array.isArray(errors) || errors.length === 0) return `status ${answer.status}, errors is not a non-empty array`;
    for (const error of errors as { extensions?: { code?: unknown }; message?: unknown }[]) {
      const code = error?.extensions?.code;
      if (typeof code !== "string" || !STABLE_CODES.has(code)) return `status ${answer.status}, an error coded ${String(code)}: ${String(error?.message).slice(0, 200)}`;
    }
  }
  const hasData = body.data !== undefined && body.data !== null;
  if (answer.status >= 400 && errors === undefined) return `status ${answer.status} without errors`;
  if (!hasData && errors === undefined) return `status ${answer.status} with neither data nor errors`;
  if (hasData && answer.headers["cache-control"] !== "no-store") return `a data answer with Cache-Control ${String(answer.headers["cache-control"])}`;
  return null;
}

/** The kind of a coded answer: `data`, or the first error's code. */
export function answerKind(answer: Answer, method: string): AnswerKind {
  if (method === "HEAD") return `error:HEAD-${answer.status}`;
  const body = JSON.parse(answer.body.toString("utf8")) as { data?: unknown; errors?: { extensions: { code: string } }[] };
  return body.errors?.[0] ? `error:${body.errors[0].extensions.code}` : "data";
}

/** Counts per kind, most frequent first, for the test's log line. */
export function describeTally(tally: ReadonlyMap<string, number>): string {
  return [...tally.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(", ");
}
