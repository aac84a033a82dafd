import { GraphQLError } from "graphql";
import type { Refusal } from "../../governance/refusal.js";
import type { ErrorCode } from "../../schema/errors.js";

function coded(code: ErrorCode, message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...(argument ? { argument } : {}) } });
}

/** A governance rule's refusal as the client sees it. */
export function refusalError(refusal: Refusal): GraphQLError {
  return coded(refusal.code, refusal.message, refusal.argument);
}

/** The value of an allowed action, or its refusal thrown. */
export function orRefuse<T extends { readonly ok: true }>(result: T | Refusal): T {
  if (!result.ok) throw refusalError(result);
  return result;
}

export function forbidden(message: string): GraphQLError {
  return coded("FORBIDDEN", message);
}

export function notFound(argument: string, what: string, id: string): GraphQLError {
  return coded("NOT_FOUND", `No ${what} has id "${id}".`, argument);
}

export function catalogUnavailable(): GraphQLError {
  return coded("CATALOG_UNAVAILABLE", "The federation's fields are not known yet: the gateway has not recorded its supergraph. Retry shortly.");
}

/** A stored row's id from an ID argument, or null: anything else names no row. */
export function parseRowId(id: string): number | null {
  return /^\d{1,15}$/.test(id) ? Number(id) : null;
}

/** A stored row's id from an ID argument, or NOT_FOUND. */
export function rowId(argument: string, what: string, id: string): number {
  const key = parseRowId(id);
  if (key === null) throw notFound(argument, what, id);
  return key;
}
