import { GraphQLError, Kind, parse, validate, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import type { DeclaredListSize } from "../limits/list-sizes.js";
import { countTokens, exceededLimit, limitUse, operationLimitError, type ExceededLimit, type OperationLimits } from "../limits/operation-limits.js";
import { badUserInput } from "../../schema/errors.js";
import type { PolicyIndex } from "../../directives/share/supergraph-policies.js";
import { analyzeOperation, type DecideField } from "../enforcement/analyze-operation.js";
import { canApplyFor } from "../enforcement/share-error.js";

/** What `explain` answers per field coordinate (the `ShareFieldDecision` type). */
export interface FieldDecisionView {
  readonly coordinate: string;
  readonly owner: string;
  readonly shareClass: string | null;
  readonly decision: string;
  readonly reason: string;
  readonly grantId: string | null;
  readonly apply: { readonly provider: string; readonly coordinates: readonly string[] } | null;
}

/** What `explainCost` answers: the operation against every limit (the `OperationCost` type). */
export interface OperationCostView {
  readonly depth: number;
  readonly cost: number;
  readonly limits: readonly ExceededLimit[];
}

/**
 * Decides an operation the requester is about to send, without running it: what developers
 * and dashboards ask before they build on a field.
 */
export function explainOperation(schema: GraphQLSchema, policies: PolicyIndex, query: string, decide: DecideField, limits: OperationLimits, listSizes: ReadonlyMap<string, DeclaredListSize>): FieldDecisionView[] {
  const { document, operation } = explainable(schema, query, limits);
  // The same limits as a request: a fragment bomb inside explain(query:) stalls nothing either.
  const exceeded = exceededLimit(limits, schema, document, operation, undefined, {}, { listSizes });
  if (exceeded) throw operationLimitError(exceeded);
  const analysis = analyzeOperation(schema, document, operation, policies, decide);
  return analysis.coordinates.map((c) => ({
    coordinate: c.coordinate,
    owner: c.owner,
    shareClass: c.shareClass,
    decision: c.decision.decision,
    reason: c.decision.reason,
    grantId: c.decision.grantId,
    // As the denial itself says it (share-error): what one application opens, or nothing to apply for.
    apply: c.decision.decision === "ALLOWED" || !canApplyFor(c.decision.reason) ? null : { provider: c.owner, coordinates: c.apply ?? [c.coordinate] },
  }));
}

/**
 * How much of each operation limit a query uses, without running it: a dashboard's author
 * sees how far a query is from being refused (measured linearly, so a hostile query costs
 * nothing here either). Variables are not known: sizes given by variables count as the default.
 */
export function explainCost(schema: GraphQLSchema, query: string, limits: OperationLimits, listSizes: ReadonlyMap<string, DeclaredListSize>): OperationCostView {
  const { document, operation } = explainable(schema, query, limits);
  const use = limitUse(limits, schema, document, operation, query, {}, { listSizes });
  const actual = (name: string): number => use.find((u) => u.name === name)!.actual;
  return { depth: actual("depth"), cost: actual("cost"), limits: use };
}

/** The one operation of `query`, valid against the schema; the parser's own work is bounded first. */
function explainable(schema: GraphQLSchema, query: string, limits: OperationLimits): { document: DocumentNode; operation: OperationDefinitionNode } {
  if (countTokens(query, limits.tokens + 1) > limits.tokens) throw operationLimitError({ name: "tokens", max: limits.tokens, actual: countTokens(query, Infinity) });
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    throw badUserInput("query", `does not parse: ${(error as GraphQLError).message}`);
  }
  const invalid = validate(schema, document)[0];
  if (invalid) throw badUserInput("query", `is not valid against the schema: ${invalid.message}`);
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1) throw badUserInput("query", `must hold exactly one operation, it holds ${operations.length}`);
  // Validation lets a subscription through a schema with no Subscription type; the analysis cannot (found by the fuzz: a 500).
  if (!schema.getRootType(operations[0]!.operation)) throw badUserInput("query", `is a ${operations[0]!.operation}, which this gateway does not serve`);
  return { document, operation: operations[0]! };
}
