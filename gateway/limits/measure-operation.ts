import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type ArgumentNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import type { DeclaredListSize } from "./list-sizes.js";

/** What an operation asks for, counted as if every fragment were written out where it is spread. */
export interface OperationMeasures {
  /** Deepest field nesting; a root field is depth 1. */
  readonly depth: number;
  readonly aliases: number;
  readonly rootFields: number;
  /** Field selections after fragment expansion (a fragment spread twice counts twice). */
  readonly fields: number;
  /** Estimated cost (demand control): a field costs 1, a list multiplies what it selects by its size. */
  readonly cost: number;
}

export interface CostModel {
  /** Items assumed for a list field whose size no argument states. */
  readonly defaultListSize: number;
  /** Per coordinate (`Type.field`): what its unit declared where the default is wrong (`@listSize`). */
  readonly listSizes?: ReadonlyMap<string, DeclaredListSize>;
}

/** Arguments that bound how many items a list field returns (the demand-control spec's slicing arguments). */
const SLICING_ARGUMENTS = new Set(["first", "last", "limit", "top"]);

interface Measured {
  depth: number;
  aliases: number;
  rootLevelFields: number;
  fields: number;
  cost: number;
}

const ZERO: Measured = { depth: 0, aliases: 0, rootLevelFields: 0, fields: 0, cost: 0 };

/**
 * Measures an operation in time linear in its document: each fragment is measured once per
 * type it is spread on and its figures reused at every spread (issue 14: a 1,156-byte
 * document whose 24 fragments each spread the one before twice is 2^24 fields, counted
 * here without visiting them). A fragment that spreads itself is not counted again
 * (validation refuses such a document anyway).
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
  model: CostModel,
  /** Counts the selections visited: the test that the work is linear in the document counts, never times. */
  stats: { visited: number } = { visited: 0 },
): OperationMeasures {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const memo = new Map<string, Measured>();
  const inProgress = new Set<string>();

  const sizeOf = (args: readonly ArgumentNode[] | undefined, coordinate: string): number => {
    const declared = model.listSizes?.get(coordinate);
    const slicing = declared?.slicingArguments ? new Set(declared.slicingArguments) : SLICING_ARGUMENTS;
    for (const arg of args ?? []) {
      if (!slicing.has(arg.name.value)) continue;
      const v = arg.value;
      const value = v.kind === Kind.INT ? Number(v.value) : v.kind === Kind.VARIABLE ? variables[v.name.value] : undefined;
      if (typeof value === "number" && Number.isFinite(value) && value >= 0) return value;
    }
    return declared?.assumedSize ?? model.defaultListSize;
  };

  const measureSet = (set: SelectionSetNode, parent: GraphQLCompositeType | null): Measured => {
    let depth = 0;
    let aliases = 0;
    let rootLevelFields = 0;
    let fields = 0;
    let cost = 0;
    for (const selection of set.selections) {
      stats.visited++;
      let m: Measured;
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        const field = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
        const child = field ? getNamedType(field.type) : null;
        const inner = selection.selectionSet ? measureSet(selection.selectionSet, child && isCompositeType(child) ? child : null) : ZERO;
        const list = field ? isListType(getNullableType(field.type)) : false;
        const size = list ? sizeOf(selection.arguments, `${parent!.name}.${name}`) : 1;
        m = {
          // Introspection nests as deep as a type reference (GraphiQL's query: 15) and reads no
          // unit's data; its size is still bounded by fields and cost.
          depth: name === "__schema" || name === "__type" ? 1 : inner.depth + 1,
          aliases: inner.aliases + (selection.alias ? 1 : 0),
          rootLevelFields: 1,
          fields: inner.fields + 1,
          cost: 1 + size * inner.cost,
        };
      } else {
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
        if (!fragment) continue;
        const conditionName = fragment.typeCondition?.name.value;
        const condition = conditionName ? schema.getType(conditionName) : parent;
        const type = condition && isCompositeType(condition) ? condition : null;
        if (selection.kind === Kind.INLINE_FRAGMENT) {
          m = measureSet(selection.selectionSet, type);
        } else {
          const key = `${selection.name.value}\0${type?.name ?? ""}`;
          const known = memo.get(key);
          if (known) m = known;
          else if (inProgress.has(key)) m = ZERO;
          else {
            inProgress.add(key);
            m = measureSet(fragment.selectionSet, type);
            inProgress.delete(key);
            memo.set(key, m);
          }
        }
      }
      depth = Math.max(depth, m.depth);
      aliases += m.aliases;
      rootLevelFields += m.rootLevelFields;
      fields += m.fields;
      cost += m.cost;
    }
    return { depth, aliases, rootLevelFields, fields, cost };
  };

  const root = schema.getRootType(operation.operation);
  const m = measureSet(operation.selectionSet, root ?? null);
  return { depth: m.depth, aliases: m.aliases, rootFields: m.rootLevelFields, fields: m.fields, cost: m.cost };
}
