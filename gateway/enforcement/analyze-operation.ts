import { createHash } from "node:crypto";
import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isObjectType,
  isInterfaceType,
  Kind,
  print,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from "graphql";
import type { Decision } from "../../directives/share/evaluate.js";
import type { ShareClass, ShareRule } from "../../directives/share/rule.js";
import { ownerOf, type PolicyIndex } from "../../directives/share/supergraph-policies.js";
import { LOCAL_ROOT_FIELDS } from "../explain/explain-schema.js";
import { canApplyFor, DenialNotice, type DenialInfo } from "./share-error.js";

/** One field coordinate's decision in an operation: what audit records and `explain` report. */
export interface CoordinateDecision {
  readonly coordinate: string;
  readonly owner: string;
  readonly shareClass: ShareClass | null;
  readonly decision: Decision;
  /** Denied: what one application must name to open it and what the operation reads under it (DenialInfo.apply). */
  readonly apply?: readonly string[];
}

/** A denied response path (list indices left out) and the error each occurrence gets. */
export interface PathDenial extends DenialInfo {
  readonly notice: DenialNotice;
}

/** Everything the gateway decided about one operation for one requester, cacheable. */
export interface OperationAnalysis {
  readonly coordinates: readonly CoordinateDecision[];
  readonly denied: ReadonlyMap<string, PathDenial>;
  readonly masked: ReadonlySet<string>;
  /** Each served response path (indices left out) → `coordinate\0owner`: what the audit counts. */
  readonly pathCoordinates: ReadonlyMap<string, string>;
  /** Root fields the gateway answers itself (`explain`), by path, with their coordinate. */
  readonly local: ReadonlyMap<string, string>;
  /** Null when nothing is denied, masked or local: the operation runs untouched. */
  readonly rewrite: {
    /** What the subgraphs are asked: denied fields removed; null when every root field is denied. */
    readonly document: DocumentNode | null;
    readonly operation: OperationDefinitionNode | null;
    /** The query-plan cache key of the rewritten document, never the original text's. */
    readonly queryHash: string;
  } | null;
}

/** Decides one field occurrence: its rule (null: unclassified) and its owner. */
export type DecideField = (coordinate: string, owner: string, rule: ShareRule | null) => Decision;

const TYPENAME: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: "__typename" } };

/** The key of a response path without list indices; both the walk and the reshape use it. */
export function pathKey(keys: readonly string[]): string {
  return keys.join(".");
}

/**
 * Walks an operation against the API schema, decides each field occurrence, and builds the
 * document the subgraphs are asked instead: denied fields removed (so no subgraph is asked
 * for them), fragments inlined (a fragment spread at two places may be decided twice),
 * `__typename` where a selection set would be empty or sits on an abstract type, and
 * variables that became unused dropped. The parsed document is never mutated.
 * Denials are keyed by response path, so the walk is one step per path of the expanded
 * operation, which cannot be shared between two spreads of one fragment: its cost is the
 * `fields` limit, checked on the document (linearly) before this runs (issue 14).
 */
export function analyzeOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  policies: PolicyIndex,
  decide: DecideField,
  /** Rewrite and reshape even when nothing is denied: how tests prove the reshape keeps Federation's semantics. */
  forceRewrite = false,
): OperationAnalysis {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const coordinates = new Map<string, CoordinateDecision>();
  const denied = new Map<string, PathDenial>();
  const masked = new Set<string>();
  const local = new Map<string, string>();
  const pathCoordinates = new Map<string, string>();
  let changed = forceRewrite;

  const walk = (set: SelectionSetNode, parent: GraphQLCompositeType, prefix: readonly string[], parentOwner: string | null): SelectionSetNode => {
    const out: SelectionNode[] = [];
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const kept = walkField(selection, parent, prefix, parentOwner);
        if (kept) out.push(kept);
      } else {
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
        if (!fragment) continue; // validation already rejected unknown fragments
        const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : parent;
        if (!condition || !isCompositeType(condition)) continue;
        out.push({
          kind: Kind.INLINE_FRAGMENT,
          ...(fragment.typeCondition ? { typeCondition: fragment.typeCondition } : {}),
          directives: selection.directives ?? [],
          selectionSet: walk(fragment.selectionSet, condition, prefix, parentOwner),
        });
      }
    }
    if (out.length === 0 || (isAbstractType(parent) && !out.some(isTypename))) {
      out.unshift(TYPENAME);
    }
    return { kind: Kind.SELECTION_SET, selections: out };
  };

  const walkField = (field: FieldNode, parent: GraphQLCompositeType, prefix: readonly string[], parentOwner: string | null): FieldNode | null => {
    const name = field.name.value;
    if (name.startsWith("__")) {
      // Introspection carries no unit's data. At the root the gateway answers it itself, from
      // the schema clients validate against (the one with `explain`), so it is not sent on.
      if (prefix.length === 0 && name !== "__typename") {
        changed = true;
        return null;
      }
      return field.selectionSet ? { ...field, selectionSet: inlineFragments(field.selectionSet, fragments) } : field;
    }
    const responseKey = field.alias?.value ?? name;
    const path = [...prefix, responseKey];
    const key = pathKey(path);
    const coordinate = `${parent.name}.${name}`;
    if (prefix.length === 0 && LOCAL_ROOT_FIELDS.has(coordinate)) {
      changed = true;
      local.set(key, coordinate);
      return null;
    }
    const entry = policies.fields.get(coordinate);
    const owner = entry ? ownerOf(entry, parentOwner) : "";
    // A coordinate the supergraph does not describe cannot be decided: deny it (fail closed).
    const rule = entry?.rule ?? null;
    const decision = decide(coordinate, owner, rule);
    const denial = decision.decision === "DENIED" && canApplyFor(decision.reason);
    const info: CoordinateDecision = {
      coordinate,
      owner,
      shareClass: rule?.class ?? null,
      decision,
      ...(denial ? { apply: [coordinate, ...deniedBelow(field, parent, owner)] } : {}),
    };
    coordinates.set(`${coordinate}\0${owner}`, mostRestrictive(coordinates.get(`${coordinate}\0${owner}`), info));
    if (decision.decision === "DENIED") {
      changed = true;
      const previous = denied.get(key);
      if (!previous) denied.set(key, { ...info, notice: new DenialNotice(info) });
      return null;
    }
    pathCoordinates.set(key, `${coordinate}\0${owner}`);
    if (decision.decision === "MASKED") {
      changed = true;
      masked.add(key);
    }
    if (!field.selectionSet) return field;
    const fieldType = fieldTypeOf(parent, name);
    if (!fieldType) return field;
    return { ...field, selectionSet: walk(field.selectionSet, fieldType, path, owner) };
  };

  /**
   * The provider's fields under a denied field that the requester would be denied too: the
   * walk does not descend into what it removes, and an application for the field alone
   * opens nothing when its items are conditional as well (issue 15). Each fragment is walked
   * once per owner it is reached under, so this stays linear in the document.
   */
  const deniedBelow = (field: FieldNode, parent: GraphQLCompositeType, provider: string): string[] => {
    const found = new Set<string>();
    const walked = new Set<string>();
    const below = (set: SelectionSetNode, type: GraphQLCompositeType, parentOwner: string): void => {
      for (const selection of set.selections) {
        if (selection.kind !== Kind.FIELD) {
          const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
          if (!fragment) continue;
          if (selection.kind === Kind.FRAGMENT_SPREAD) {
            const key = `${selection.name.value}\0${parentOwner}`;
            if (walked.has(key)) continue;
            walked.add(key);
          }
          const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : type;
          if (condition && isCompositeType(condition)) below(fragment.selectionSet, condition, parentOwner);
          continue;
        }
        const name = selection.name.value;
        if (name.startsWith("__")) continue;
        const coordinate = `${type.name}.${name}`;
        const entry = policies.fields.get(coordinate);
        const owner = entry ? ownerOf(entry, parentOwner) : "";
        const decision = decide(coordinate, owner, entry?.rule ?? null);
        if (owner === provider && decision.decision === "DENIED" && canApplyFor(decision.reason)) found.add(coordinate);
        const fieldType = selection.selectionSet ? fieldTypeOf(type, name) : null;
        if (fieldType) below(selection.selectionSet!, fieldType, owner);
      }
    };
    const fieldType = field.selectionSet ? fieldTypeOf(parent, field.name.value) : null;
    if (fieldType) below(field.selectionSet!, fieldType, provider);
    found.delete(`${parent.name}.${field.name.value}`);
    return [...found];
  };

  const rootType = schema.getRootType(operation.operation);
  if (!rootType) throw new Error(`schema has no ${operation.operation} type`);
  const selectionSet = walk(operation.selectionSet, rootType, [], null);
  if (!changed) return { coordinates: [...coordinates.values()], denied, masked, local, pathCoordinates, rewrite: null };

  const everyRootDenied = selectionSet.selections.every(isTypename);
  const rewritten = everyRootDenied ? null : withUsedVariables({ ...operation, selectionSet });
  const rewrittenDocument: DocumentNode | null = rewritten ? { kind: Kind.DOCUMENT, definitions: [rewritten] } : null;
  return {
    coordinates: [...coordinates.values()],
    denied,
    masked,
    local,
    pathCoordinates,
    rewrite: {
      document: rewrittenDocument,
      operation: rewritten,
      queryHash: rewrittenDocument ? createHash("sha256").update(print(rewrittenDocument)).digest("hex") : "",
    },
  };
}

/** An unconditional, unaliased `__typename`: one that is always in the data. */
function isTypename(selection: SelectionNode): boolean {
  return selection.kind === Kind.FIELD && selection.name.value === "__typename" && !selection.alias && !selection.directives?.length;
}

/** The same selections with fragment spreads inlined (the rewritten document has no fragment definitions). */
function inlineFragments(set: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): SelectionSetNode {
  return {
    kind: Kind.SELECTION_SET,
    selections: set.selections.map((s): SelectionNode => {
      if (s.kind === Kind.FIELD) return s.selectionSet ? { ...s, selectionSet: inlineFragments(s.selectionSet, fragments) } : s;
      const fragment = s.kind === Kind.INLINE_FRAGMENT ? s : fragments.get(s.name.value)!;
      return {
        kind: Kind.INLINE_FRAGMENT,
        ...(fragment.typeCondition ? { typeCondition: fragment.typeCondition } : {}),
        directives: s.directives ?? [],
        selectionSet: inlineFragments(fragment.selectionSet, fragments),
      };
    }),
  };
}

function fieldTypeOf(parent: GraphQLCompositeType, name: string): GraphQLCompositeType | null {
  if (!isObjectType(parent) && !isInterfaceType(parent)) return null;
  const type = parent.getFields()[name]?.type;
  const named = type ? getNamedType(type) : null;
  return named && isCompositeType(named) ? named : null;
}

const RANK: Record<Decision["decision"], number> = { ALLOWED: 0, MASKED: 1, DENIED: 2 };

function mostRestrictive(a: CoordinateDecision | undefined, b: CoordinateDecision): CoordinateDecision {
  return a && RANK[a.decision.decision] >= RANK[b.decision.decision] ? a : b;
}

function withUsedVariables(operation: OperationDefinitionNode): OperationDefinitionNode {
  const used = new Set<string>();
  visit(operation.selectionSet, { Variable: (node) => void used.add(node.name.value) });
  for (const d of operation.directives ?? []) visit(d, { Variable: (node) => void used.add(node.name.value) });
  const definitions = (operation.variableDefinitions ?? []).filter((v) => used.has(v.variable.name.value));
  return { ...operation, variableDefinitions: definitions };
}
