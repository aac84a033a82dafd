import {
  execute,
  isNonNullType,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLError,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from "graphql";
import type { Path } from "graphql/jsutils/Path.js";
import type { OperationAnalysis } from "./analyze-operation.js";
import { maskValue } from "../../directives/share/mask.js";
import { shareDeniedError } from "./share-error.js";

/**
 * Puts the original operation's shape back over what the subgraphs returned for the
 * rewritten one: graphql-js executes the original document over that data, so aliases,
 * fragments, lists, `@skip`/`@include` and non-null propagation come out exactly as
 * GraphQL says. Denied fields become null with one SHARE_DENIED per occurrence; masked
 * leaves are masked. `schema` must be a clean copy of the API schema (FEDERATION-NOTES:
 * Apollo wraps the gateway schema's resolvers, which would ignore `fieldResolver`).
 */
export function reshape(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | undefined,
  data: Record<string, unknown> | null | undefined,
  upstreamErrors: readonly GraphQLError[],
  analysis: OperationAnalysis,
  /** Answers the gateway's own root fields (`explain`); their results resolve by field name. */
  local: (coordinate: string, args: Record<string, unknown>) => unknown = () => null,
): ExecutionResult {
  const denials: GraphQLError[] = [];
  const localObjects = new WeakSet<object>();
  const fieldResolver: GraphQLFieldResolver<unknown, unknown, Record<string, unknown>> = (source, args, _context, info) => {
    if (typeof source === "object" && source !== null && localObjects.has(source)) {
      return tagLocal(localObjects, (source as Record<string, unknown>)[info.fieldName]);
    }
    const key = keyWithoutIndices(info.path);
    const localCoordinate = analysis.local.get(key);
    if (localCoordinate) return tagLocal(localObjects, local(localCoordinate, args));
    const denial = analysis.denied.get(key);
    if (denial) {
      const error = shareDeniedError(denial.notice, pathArray(info.path));
      // A denied non-null field nulls its parent, as GraphQL says: graphql-js does that for an error.
      if (isNonNullType(info.returnType)) return error;
      denials.push(error);
      return null;
    }
    const value = source === null || source === undefined ? null : (source as Record<string, unknown>)[info.path.key as string];
    return analysis.masked.has(key) ? maskValue(value) : value;
  };
  const result = execute({
    schema,
    document,
    rootValue: data ?? {},
    variableValues: variables ?? {},
    ...(operationName ? { operationName } : {}),
    fieldResolver,
  }) as ExecutionResult;
  const errors = [...upstreamErrors, ...denials, ...(result.errors ?? [])];
  return errors.length > 0 ? { data: result.data ?? null, errors } : { data: result.data ?? null };
}

function tagLocal(tags: WeakSet<object>, value: unknown): unknown {
  if (Array.isArray(value)) value.forEach((v) => tagLocal(tags, v));
  else if (typeof value === "object" && value !== null) tags.add(value);
  return value;
}

function keyWithoutIndices(path: Path): string {
  const keys: string[] = [];
  for (let p: Path | undefined = path; p; p = p.prev) if (typeof p.key === "string") keys.push(p.key);
  return keys.reverse().join(".");
}

function pathArray(path: Path): (string | number)[] {
  const keys: (string | number)[] = [];
  for (let p: Path | undefined = path; p; p = p.prev) keys.push(p.key);
  return keys.reverse();
}
