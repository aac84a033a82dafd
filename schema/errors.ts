import { GraphQLError } from "graphql";

/** Every `extensions.code` a client can see, with what it means (CONTRACT §2, §4). */
export const ERROR_CODES = {
  UNAUTHENTICATED: "No, bad or expired credentials (HTTP 401).",
  BAD_PURPOSE: "X-Share-Purpose is not one of the four usage requirements (HTTP 400).",
  SHARE_DENIED: "The field was withheld by its sharing class; see extensions.share.",
  FORBIDDEN: "The requester's role or unit may not take this action.",
  INVALID_TRANSITION: "The object is not in a state that allows this action.",
  REASON_REQUIRED: "A rejection or revocation must give a reason.",
  BAD_USER_INPUT: "An argument is malformed; extensions.argument names it.",
  NOT_FOUND: "No object has that id (an application, grant or request); extensions.argument names the argument.",
  CATALOG_UNAVAILABLE: "Governance has not yet received the federation's supergraph, so fields cannot be checked; retry shortly.",
  AUDIT_UNAVAILABLE: "The audit log cannot be written, so nothing is served (HTTP 503).",
  IDENTITY_UNAVAILABLE: "The platform keyring cannot be read, so no credential is verified and nothing is served (HTTP 503).",
  GOVERNANCE_UNAVAILABLE: "Grants and suspensions cannot be read (the governance store or Redis), so nothing is served (HTTP 503).",
  UNIT_UNAVAILABLE: "A unit cannot tell whether the gateway's assertion was used before (its nonce store, Redis, is unreachable), so it serves nothing (HTTP 503).",
  STORE_BUSY: "A unit's store is locked by another process; the statement failed at once rather than stall the unit. Try again.",
  SUBGRAPH_UNAVAILABLE: "A unit's subgraph could not be reached; extensions.unit names it.",
  SUBGRAPH_TIMEOUT: "A unit's subgraph did not answer within the per-fetch timeout or the request's deadline; its part is null, extensions.unit names it.",
  BAD_REQUEST: "The HTTP request is malformed: not JSON, too large, or (to a unit) not one POSTed operation (HTTP 400/413/415).",
  METHOD_NOT_ALLOWED: "A unit accepts only POST: what it runs must be exactly what the gateway signed (HTTP 405).",
  INTROSPECTION_DISABLED: "Introspection (__schema, __type) is not open to this requester under ECOFED_INTROSPECTION (HTTP 403; 400 when it is off for everyone). __typename always is.",
  OPERATION_LIMIT: "The operation asks for more than a gateway limit allows (HTTP 400); extensions.limit gives { name, max, actual }. Nothing was asked of any unit; the refusal is audited.",
  UNIT_READ_LIMIT: "A unit was asked to read more list items in one request than it builds (ECOFED_UNIT_MAX_ITEMS); extensions.limit gives { name, max }. Ask for less.",
  OPERATION_NOT_SUPPORTED: "Subscriptions, @defer and @stream are not served by the gateway (HTTP 400).",
  OPERATION_RESOLUTION_FAILURE: "No operation to run: several in the document and no operationName, or no operation of that name (HTTP 400).",
  INTERNAL_SERVER_ERROR: "An unexpected error; details are in the server log, not here.",
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** A malformed argument: the client learns which one and why. */
export function badUserInput(argument: string, problem: string): GraphQLError {
  return new GraphQLError(`Argument "${argument}" ${problem}.`, {
    extensions: { code: "BAD_USER_INPUT" satisfies ErrorCode, argument },
  });
}

/** A unit that did not answer; the rest of the operation still resolves. */
export function subgraphUnavailable(unit: string, cause: string): GraphQLError {
  return new GraphQLError(`Unit "${unit}" is unavailable: ${cause}`, {
    extensions: { code: "SUBGRAPH_UNAVAILABLE" satisfies ErrorCode, unit },
  });
}

/** A unit that answered too late (per-fetch timeout or the request's deadline); the rest of the operation still resolves. */
export function subgraphTimeout(unit: string, cause: string): GraphQLError {
  return new GraphQLError(`Unit "${unit}" did not answer in time: ${cause}`, {
    extensions: { code: "SUBGRAPH_TIMEOUT" satisfies ErrorCode, unit },
  });
}
