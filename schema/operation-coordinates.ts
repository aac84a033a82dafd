import {
  getNamedType,
  isCompositeType,
  Kind,
  parse,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type SelectionSetNode,
} from "graphql";
import { LruCache } from "./lru-cache.js";

/**
 * The field coordinates (`Type.field`) an operation selects, against a schema: what the
 * gateway allows a subgraph fetch to read and what the subgraph checks it reads no more
 * (issue 5, defence in depth). Both sides walk the same text with the same rules, so they
 * agree. `__typename` is no data; an unknown field or type throws — never guessed.
 * Each fragment is walked once however often it is spread (its type condition fixes its
 * type), so the work is linear in the document: 24 fragments each spreading the one before
 * twice cost 24 walks, not 2^24 (issue 14). `stats.visited` counts the selections walked.
 */
export function operationCoordinates(document: DocumentNode, schema: GraphQLSchema, stats?: { visited: number }): string[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const found = new Set<string>();
  const typeNamed = (name: string): GraphQLCompositeType => {
    const type = schema.getType(name);
    if (!type || !isCompositeType(type)) throw new Error(`unknown type "${name}"`);
    return type;
  };
  const walked = new Set<string>();
  const walk = (selections: SelectionSetNode, parent: GraphQLCompositeType): void => {
    for (const s of selections.selections) {
      if (stats) stats.visited++;
      if (s.kind === Kind.FIELD) {
        const name = s.name.value;
        if (name === "__typename") continue;
        const field = "getFields" in parent ? parent.getFields()[name] : undefined;
        if (!field) throw new Error(`unknown field "${parent.name}.${name}"`);
        found.add(`${parent.name}.${name}`);
        if (s.selectionSet) walk(s.selectionSet, typeNamed(getNamedType(field.type).name));
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        walk(s.selectionSet, s.typeCondition ? typeNamed(s.typeCondition.name.value) : parent);
      } else {
        const fragment = fragments.get(s.name.value);
        if (!fragment) throw new Error(`unknown fragment "${s.name.value}"`);
        // Walked already, or being walked (a cycle): its coordinates are found either way.
        if (walked.has(fragment.name.value)) continue;
        walked.add(fragment.name.value);
        walk(fragment.selectionSet, typeNamed(fragment.typeCondition.name.value));
      }
    }
  };
  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    const root = schema.getRootType(d.operation);
    if (!root) throw new Error(`the schema has no ${d.operation} type`);
    walk(d.selectionSet, root);
  }
  return [...found].sort();
}

/**
 * Coordinates per operation text, remembered: fetch texts come from cached query plans, so
 * a few hundred distinct ones serve all traffic.
 */
export class CoordinateIndex {
  private readonly cache = new LruCache<string, readonly string[] | Error>(2_000);

  constructor(private readonly schema: GraphQLSchema) {}

  /** The coordinates `query` selects; throws when it does not parse or names what the schema lacks. */
  of(query: string): readonly string[] {
    let entry = this.cache.get(query);
    if (entry === undefined) {
      try {
        entry = operationCoordinates(parse(query), this.schema);
      } catch (error) {
        entry = error as Error;
      }
      this.cache.set(query, entry);
    }
    if (entry instanceof Error) throw entry;
    return entry;
  }
}
