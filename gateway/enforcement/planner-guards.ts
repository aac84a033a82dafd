import type { GatewayExecutionResult } from "@apollo/server-gateway-interface";
import { Kind, visit, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionNode, type SelectionSetNode } from "graphql";

/**
 * Apollo's query planner (federation 2.14) hoists the conditions of a field's selections
 * above the field itself when every one of them is conditional: `divisions @skip(if: $a) {
 * code @include(if: $b) }` is planned as `Include(if: $b) { Skip(if: $a) { Fetch } }`, so with
 * `$b` false the field is never fetched and is answered null — `{"data": null}` with no error
 * for a non-null field, `null` instead of `{}` for a nullable one (found by the fuzz, issue 14).
 * One unconditional `__typename` in such a selection set keeps the planner from hoisting;
 * it is added under this alias and taken out of the answer again.
 */
export const GUARD_ALIAS = "__ecofedGuard";

const GUARD: FieldNode = { kind: Kind.FIELD, alias: { kind: Kind.NAME, value: GUARD_ALIAS }, name: { kind: Kind.NAME, value: "__typename" } };

/** A document whose conditional-only selection sets are guarded, with its one operation. */
export interface GuardedDocument {
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
}

const guarded = new WeakMap<DocumentNode, GuardedDocument | null>();

/**
 * `document` (of one operation) with GUARD in every field's selection set that holds no
 * unconditional field, or null when none needs it (or the client already uses the alias).
 * Linear in the document (each fragment judged once); kept per parsed document.
 */
export function guardConditionalSelections(document: DocumentNode): GuardedDocument | null {
  const known = guarded.get(document);
  if (known !== undefined) return known;
  const result = guard(document);
  guarded.set(document, result);
  return result;
}

/** The answer without the guards' values (in place: the answer is this request's own). */
export function withoutGuards(result: GatewayExecutionResult): GatewayExecutionResult {
  if (result.data) strip(result.data);
  return result;
}

function guard(document: DocumentNode): GuardedDocument | null {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const unconditionalIn = new Map<string, boolean>();
  const hasUnconditionalField = (set: SelectionSetNode): boolean =>
    set.selections.some((s) => {
      if (isConditional(s)) return false;
      if (s.kind === Kind.FIELD) return true;
      if (s.kind === Kind.INLINE_FRAGMENT) return hasUnconditionalField(s.selectionSet);
      const name = s.name.value;
      if (!unconditionalIn.has(name)) {
        unconditionalIn.set(name, false); // a cycle (validation refuses them) counts as none
        const fragment = fragments.get(name);
        unconditionalIn.set(name, fragment !== undefined && hasUnconditionalField(fragment.selectionSet));
      }
      return unconditionalIn.get(name)!;
    });
  let clash = false;
  let changed = false;
  const next = visit(document, {
    Field(node) {
      if (node === GUARD) return undefined; // one this walk added (visit goes on into the nodes it returns)
      if (node.alias?.value === GUARD_ALIAS) clash = true;
      if (!node.selectionSet || hasUnconditionalField(node.selectionSet)) return undefined;
      changed = true;
      return { ...node, selectionSet: { ...node.selectionSet, selections: [GUARD, ...node.selectionSet.selections] } };
    },
  });
  if (clash || !changed) return null;
  const operation = next.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return operation ? { document: next, operation } : null;
}

function isConditional(selection: SelectionNode): boolean {
  return selection.directives?.some((d) => d.name.value === "include" || d.name.value === "skip") ?? false;
}

function strip(value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) strip(item);
  } else if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    delete record[GUARD_ALIAS];
    for (const member of Object.values(record)) strip(member);
  }
}
