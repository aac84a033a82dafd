import type { GatewayGraphQLRequestContext } from "@apollo/server-gateway-interface";
import { GraphQLError, Kind, visit, type DocumentNode, type GraphQLSchema } from "graphql";
import type { AccessEvent, RefusalReason } from "../../audit/access-event.js";
import type { GatewayContext } from "../identity/authenticate.js";
import type { DeclaredListSize } from "./list-sizes.js";
import { exceededLimit, operationLimitError, type OperationLimits } from "./operation-limits.js";

/** Why an operation is refused before anything in it is decided: its error, and the reason its audit record gives. */
export interface Refusal {
  readonly error: GraphQLError;
  readonly reason: RefusalReason;
  /** The root type the record names (`Query` when the operation could not be told). */
  readonly rootType: string;
}

// What the gateway never serves: it has no transport for them, and they would bypass the
// one decide-then-plan path (issue 14: a subscription was a 500 thrown in the analysis).
const INCREMENTAL = new Set(["defer", "stream"]);

/**
 * Refuses, before any decision or plan, an operation the gateway cannot or will not run: none
 * to run (no or an unknown `operationName` among several), a subscription, `@defer`/`@stream`,
 * or one past a limit. Null: go on.
 */
export function refusalOf(
  requestContext: GatewayGraphQLRequestContext,
  schema: GraphQLSchema,
  limits: OperationLimits,
  listSizes: ReadonlyMap<string, DeclaredListSize>,
): Refusal | null {
  const { operation, document } = requestContext;
  if (!operation) {
    const name = requestContext.request.operationName;
    const message = name ? `The document has no operation named "${name}".` : "The document holds several operations: say which to run with operationName.";
    return refusal(message, "OPERATION_RESOLUTION_FAILURE", "OPERATION_UNRESOLVED", "Query");
  }
  const rootType = schema.getRootType(operation.operation)?.name ?? (operation.operation === "subscription" ? "Subscription" : "Query");
  if (operation.operation === "subscription") {
    return refusal("Subscriptions are not served by this gateway.", "OPERATION_NOT_SUPPORTED", "OPERATION_NOT_SUPPORTED", rootType);
  }
  if (usesIncrementalDelivery(document)) {
    return refusal("@defer and @stream are not served by this gateway; ask without them.", "OPERATION_NOT_SUPPORTED", "OPERATION_NOT_SUPPORTED", rootType);
  }
  const exceeded = exceededLimit(limits, schema, document, operation, requestContext.source, requestContext.request.variables ?? {}, { listSizes });
  return exceeded ? { error: operationLimitError(exceeded), reason: `OPERATION_LIMIT:${exceeded.name}`, rootType } : null;
}

function refusal(message: string, code: string, reason: RefusalReason, rootType: string): Refusal {
  return { error: new GraphQLError(message, { extensions: { code, http: { status: 400 } } }), reason, rootType };
}

function usesIncrementalDelivery(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.DIRECTIVE]: (node) => {
      if (INCREMENTAL.has(node.name.value)) found = true;
    },
  });
  return found;
}

/** The one record of a refused request: the security team sees who tried what, and why it was refused. */
export function refusalEvent(refusal: Refusal, context: GatewayContext, facts: { operationName: string | null; operationHash: string; policyVersion: string }): AccessEvent {
  return {
    at: new Date().toISOString(),
    requestId: context.requestId,
    unit: context.requester.unit,
    principal: context.requester.principal,
    purpose: context.purpose,
    coordinate: refusal.rootType,
    owner: "platform",
    shareClass: null,
    decision: "DENIED",
    reason: refusal.reason,
    grantId: null,
    operationName: facts.operationName,
    operationHash: facts.operationHash,
    clientName: context.client.name,
    clientVersion: context.client.version,
    valueCount: 0,
    policyVersion: facts.policyVersion,
  };
}
