import { GraphQLError, Kind, type DocumentNode, type FragmentDefinitionNode, type GraphQLFormattedError, type OperationDefinitionNode, type SelectionSetNode } from "graphql";
import type { Requester } from "../../directives/share/evaluate.js";
import { isExternal } from "../../governance/actor.js";
import type { ErrorCode } from "../../schema/errors.js";

/**
 * Who may read the schema itself (`__schema`, `__type`), ECOFED_INTROSPECTION:
 * `internal` (default) the ministry's own units; `off` nobody; `all` any authenticated requester.
 * Unauthenticated callers never get this far (HTTP 401). `__typename` is always allowed.
 */
export type IntrospectionPolicy = "internal" | "off" | "all";

export const INTROSPECTION_POLICIES: readonly IntrospectionPolicy[] = ["internal", "off", "all"];

export function isIntrospectionPolicy(text: string): text is IntrospectionPolicy {
  return (INTROSPECTION_POLICIES as readonly string[]).includes(text);
}

const CODE: ErrorCode = "INTROSPECTION_DISABLED";

/** Whether Apollo Server itself may answer introspection at all (its `introspection` option). */
export function apolloIntrospection(policy: IntrospectionPolicy): boolean {
  return policy !== "off";
}

export function mayIntrospect(policy: IntrospectionPolicy, requester: Requester): boolean {
  if (policy === "all") return true;
  return policy === "internal" && !isExternal(requester.unit);
}

/**
 * The refusal of an operation that introspects for a requester the policy does not allow
 * (HTTP 403: the requester's unit may not, as FORBIDDEN), or null to let it run. No
 * operation (several and no operationName, or an unknown one): nothing runs, and the
 * gateway refuses that itself (OPERATION_RESOLUTION_FAILURE) — found by the fuzz as a 500.
 */
export function introspectionRefusal(
  policy: IntrospectionPolicy,
  requester: Requester,
  document: DocumentNode,
  operation: OperationDefinitionNode | undefined,
): GraphQLError | null {
  if (!operation || mayIntrospect(policy, requester) || !introspects(document, operation)) return null;
  return new GraphQLError(
    policy === "off" ? "Introspection is disabled on this gateway." : "Introspection (__schema, __type) is open to the ministry's own units only.",
    { extensions: { code: CODE, http: { status: 403 } } },
  );
}

/**
 * Apollo Server's own refusal (ECOFED_INTROSPECTION=off, where its validation refuses
 * introspection before the gateway sees the operation: HTTP 400) under the same code, for
 * the gateway's `formatError`.
 */
export function withIntrospectionCode(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (formatted.extensions?.["validationErrorCode"] !== "INTROSPECTION_DISABLED") return formatted;
  return { message: "Introspection is disabled on this gateway.", extensions: { code: CODE } };
}

const seen = new WeakMap<OperationDefinitionNode, boolean>();

/**
 * Whether `operation` selects `__schema` or `__type` anywhere, fragments included. Each
 * fragment is walked once, so the work is linear in the document (a fragment bomb costs
 * its size, not 2^depth); the answer is kept per parsed operation.
 */
export function introspects(document: DocumentNode, operation: OperationDefinitionNode): boolean {
  const known = seen.get(operation);
  if (known !== undefined) return known;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const visited = new Set<string>();
  const walk = (set: SelectionSetNode): boolean =>
    set.selections.some((selection) => {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        return name === "__schema" || name === "__type" || (selection.selectionSet !== undefined && walk(selection.selectionSet));
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) return walk(selection.selectionSet);
      const name = selection.name.value;
      if (visited.has(name)) return false;
      visited.add(name);
      const fragment = fragments.get(name);
      return fragment !== undefined && walk(fragment.selectionSet);
    });
  const answer = walk(operation.selectionSet);
  seen.set(operation, answer);
  return answer;
}
