import { GraphQLError, Kind, Lexer, Source, TokenKind, visit, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import { measureOperation, type CostModel } from "./measure-operation.js";

/**
 * The most an operation may ask for, checked on the parsed document before anything is
 * decided or planned (issue 14). Defaults are sized to admit every query of the README, the
 * tests and `npm run bench` — the largest, a 4-level nested-list join across units with no
 * size arguments, is depth 6 and costs ~20,000 with the default list size — with room for
 * dashboards, and to refuse each hostile document of issue 14.
 */
export interface OperationLimits {
  /** Field nesting. Real queries here go 6 deep; the 25-level cycle of issue 14 does not pass. */
  readonly depth: number;
  /** Aliased fields after fragment expansion. Dashboards alias a field a few dozen times, not 2,000. */
  readonly aliases: number;
  /** Root fields: each is at least one subgraph fetch. */
  readonly rootFields: number;
  /** Field selections after fragment expansion: what every walk of the operation visits. */
  readonly fields: number;
  /** Estimated cost: see measureOperation. */
  readonly cost: number;
  /** Lexical tokens of the document (the parser's own work). */
  readonly tokens: number;
  /** Directives on any one field, fragment or operation. */
  readonly directives: number;
  /** Operations in one document (one is run; the others are parsed and validated all the same). */
  readonly operations: number;
  /** Items a list field is assumed to return when no `first`/`last`/`limit`/`top` says. */
  readonly defaultListSize: number;
}

export const DEFAULT_OPERATION_LIMITS: OperationLimits = {
  depth: 12,
  aliases: 100,
  rootFields: 30,
  fields: 2_000,
  cost: 100_000,
  tokens: 15_000,
  directives: 10,
  operations: 20,
  defaultListSize: 10,
};

export type LimitName = Exclude<keyof OperationLimits, "defaultListSize">;

/** An exceeded limit, as the client sees it in `extensions.limit`. */
export interface ExceededLimit {
  readonly name: LimitName;
  readonly max: number;
  readonly actual: number;
}

/** How much of each limit an operation uses, in the order they are checked (cheapest first). */
export function limitUse(
  limits: OperationLimits,
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  source: string | undefined,
  variables: Readonly<Record<string, unknown>>,
  model: Omit<CostModel, "defaultListSize"> = {},
): ExceededLimit[] {
  const use = (name: LimitName, actual: number): ExceededLimit => ({ name, max: limits[name], actual });
  const m = measureOperation(schema, document, operation, variables, { ...model, defaultListSize: limits.defaultListSize });
  return [
    ...(source !== undefined ? [use("tokens", countTokens(source, limits.tokens + 1))] : []),
    use("operations", document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).length),
    use("directives", mostDirectives(document)),
    use("depth", m.depth),
    use("rootFields", m.rootFields),
    use("aliases", m.aliases),
    use("fields", m.fields),
    use("cost", m.cost),
  ];
}

/** The first limit the operation exceeds; none walks the operation more than once, none expands a fragment. */
export function exceededLimit(...args: Parameters<typeof limitUse>): ExceededLimit | null {
  return limitUse(...args).find((u) => u.actual > u.max) ?? null;
}

/** Tokens of `source`, counting no further than `stopAt` (so a huge document costs no more than the limit). */
export function countTokens(source: string, stopAt: number): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    while (count < stopAt && lexer.advance().kind !== TokenKind.EOF) count++;
  } catch {
    // Not lexable: the parser already said so; nothing to count.
  }
  return count;
}

function mostDirectives(document: DocumentNode): number {
  let most = 0;
  visit(document, {
    enter(node) {
      const directives = (node as { directives?: readonly unknown[] }).directives;
      if (directives && directives.length > most) most = directives.length;
    },
  });
  return most;
}

/** The refusal: HTTP 400, no subgraph asked, what was exceeded by how much. */
export function operationLimitError(exceeded: ExceededLimit): GraphQLError {
  return new GraphQLError(`The operation exceeds the gateway's ${exceeded.name} limit (${exceeded.actual} > ${exceeded.max}); ask for less.`, {
    extensions: { code: "OPERATION_LIMIT", limit: { ...exceeded }, http: { status: 400 } },
  });
}
