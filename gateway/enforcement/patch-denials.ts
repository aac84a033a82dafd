import {
  getNamedType,
  isCompositeType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  Kind,
  type ExecutionResult,
  type GraphQLCompositeType,
  type GraphQLError,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { pathKey, type OperationAnalysis, type PathDenial } from "./analyze-operation.js";
import { shareDeniedError } from "./share-error.js";

/** Where denials go in one selection set: a step per response key that needs one, in the operation's order. */
export interface DenialPlan {
  readonly steps: readonly PlanStep[];
  /**
   * The subgraphs' object can be patched as it is: the denied keys all come after the kept
   * ones (so adding them keeps the operation's key order) and the rewrite added no
   * `__typename` here (an object type with a kept field). Then only the denied keys and the
   * ones with denials below have a step; otherwise the object is rebuilt, a step per key.
   */
  readonly inPlace: boolean;
}

/** A response key: put back as null with its error (`denial`), patched below (`below`), or copied. */
interface PlanStep {
  readonly key: string;
  readonly denial: PathDenial | null;
  readonly below: DenialPlan | null;
}

/**
 * When the reshape can be skipped: an operation whose only changes are denied nullable
 * fields, each reached through plain fields (no fragments, no repeated response keys, no
 * `@skip`/`@include` on the way). Then the subgraphs' answer already has the original
 * shape minus those fields, and putting each back as null (in its place among its
 * siblings) is all that is left — one walk of the denied paths instead of re-executing the
 * whole operation (issue 3 (b): a leaf denied in hundreds of items). Null: reshape.
 */
export function denialPlan(schema: GraphQLSchema, operation: OperationDefinitionNode, analysis: OperationAnalysis): DenialPlan | null {
  if (analysis.masked.size > 0 || analysis.local.size > 0 || analysis.denied.size === 0) return null;
  const onTheWay = new Set<string>();
  for (const key of analysis.denied.keys()) {
    const parts = key.split(".");
    for (let i = 1; i < parts.length; i++) onTheWay.add(pathKey(parts.slice(0, i)));
  }
  const root = schema.getRootType(operation.operation);
  return root ? planOf(operation.selectionSet, root, [], analysis.denied, onTheWay) : null;
}

function planOf(
  set: SelectionSetNode,
  parent: GraphQLCompositeType,
  prefix: readonly string[],
  deniedPaths: ReadonlyMap<string, PathDenial>,
  onTheWay: ReadonlySet<string>,
): DenialPlan | null {
  const keys: string[] = [];
  const denied = new Map<string, PathDenial>();
  const below = new Map<string, DenialPlan>();
  for (const selection of set.selections) {
    // Fragments decide per type which keys exist, and the gateway answers root introspection itself.
    if (selection.kind !== Kind.FIELD) return null;
    if (prefix.length === 0 && selection.name.value.startsWith("__") && selection.name.value !== "__typename") return null;
    const key = selection.alias?.value ?? selection.name.value;
    if (keys.includes(key)) return null;
    keys.push(key);
    const path = pathKey([...prefix, key]);
    const denial = deniedPaths.get(path);
    const fieldType = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[selection.name.value]?.type : undefined;
    if (denial) {
      // A denied non-null field nulls its parent: that is the reshape's to do.
      if (selection.directives?.length || !fieldType || isNonNullType(fieldType)) return null;
      denied.set(key, denial);
    } else if (onTheWay.has(path)) {
      const named = fieldType ? getNamedType(fieldType) : null;
      if (selection.directives?.length || !selection.selectionSet || !named || !isCompositeType(named)) return null;
      const plan = planOf(selection.selectionSet, named, [...prefix, key], deniedPaths, onTheWay);
      if (!plan) return null;
      below.set(key, plan);
    }
  }
  const deniedLast = denied.size === 0 || keys.findIndex((key) => denied.has(key)) === keys.length - denied.size;
  const inPlace = deniedLast && denied.size < keys.length && isObjectType(parent);
  const steps = keys
    .map((key) => ({ key, denial: denied.get(key) ?? null, below: below.get(key) ?? null }))
    .filter((step) => !inPlace || step.denial || step.below);
  return { steps, inPlace };
}

/**
 * Puts each denied field back as null, with its SHARE_DENIED error at its exact path, into
 * the subgraphs' answer (which is this request's own: patched in place where the plan
 * allows, other objects rebuilt so keys keep the operation's order and a `__typename` the
 * rewrite added is dropped). Errors come in the order execution would give them.
 */
export function patchDenials(data: Record<string, unknown>, plan: DenialPlan, upstreamErrors: readonly GraphQLError[]): ExecutionResult {
  const errors: GraphQLError[] = [...upstreamErrors];
  // One path, pushed and popped on the way down; each error gets a copy of its own.
  const patched = patchObject(data, plan, [], errors);
  return errors.length > 0 ? { data: patched, errors } : { data: patched };
}

function patchObject(object: Record<string, unknown>, plan: DenialPlan, path: (string | number)[], errors: GraphQLError[]): Record<string, unknown> {
  const out: Record<string, unknown> = plan.inPlace ? object : {};
  for (const { key, denial, below } of plan.steps) {
    if (denial) {
      errors.push(shareDeniedError(denial.notice, [...path, key]));
      out[key] = null;
    } else if (key in object) {
      if (below) {
        path.push(key);
        out[key] = patchValue(object[key], below, path, errors);
        path.pop();
      } else out[key] = object[key];
    }
  }
  return out;
}

function patchValue(value: unknown, plan: DenialPlan, path: (string | number)[], errors: GraphQLError[]): unknown {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      value[i] = patchValue(value[i], plan, path, errors);
      path.pop();
    }
    return value;
  }
  return patchObject(value as Record<string, unknown>, plan, path, errors);
}
