import type { GraphQLFormattedError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";

/**
 * Apollo Server's `formatError`: errors that carry a deliberate code pass through; an
 * unexpected error (a bug, a driver failure) is logged here and reaches the client only
 * as "Internal server error" — never its message or stack (STYLE 3).
 */
export function maskUnexpectedErrors(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (formatted.extensions?.["code"] !== "INTERNAL_SERVER_ERROR") return formatted;
  // A subgraph's own error, passed on by the gateway: the subgraph chose what it says.
  if (typeof formatted.extensions["serviceName"] === "string") return formatted;
  // Apollo Server's own refusal of the request that it gave an HTTP 4xx but no code (a persisted
  // query whose sha256Hash is not its text's, an unsupported persisted-query version): the
  // client's error, not ours, and its message is Apollo's (issue 14 fuzz: it was answered as a
  // masked INTERNAL_SERVER_ERROR). Never a resolver's error: those have a path.
  const status = (error as { extensions?: { http?: { status?: unknown } } } | null)?.extensions?.http?.status;
  if (formatted.path === undefined && typeof status === "number" && status >= 400 && status < 500) {
    return { message: formatted.message, extensions: { code: "BAD_REQUEST" } };
  }
  const cause = unwrapResolverError(error) as { code?: unknown };
  // Another process holds the store's lock: the statement failed at once (busy_timeout 0) rather than stall every request.
  if (typeof cause?.code === "string" && /^SQLITE_(BUSY|LOCKED)/.test(cause.code)) {
    return {
      message: "This unit's store is locked by another process; try again shortly.",
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: "STORE_BUSY" },
    };
  }
  console.error("ecofed: unexpected error:", unwrapResolverError(error));
  return {
    message: "Internal server error",
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: "INTERNAL_SERVER_ERROR" },
  };
}
