import { Kind, type ConstDirectiveNode, type DocumentNode, type ObjectTypeDefinitionNode } from "graphql";
import type { TypeKind } from "./catalog.js";

/** What the catalog needs of a supergraph: its API object types and what each type name is. */
export interface SupergraphShape {
  /** Object types some subgraph defines, without `@inaccessible` types or fields. */
  readonly objectTypes: readonly ObjectTypeDefinitionNode[];
  /** The query root's name (`Query`, unless the schema renames it). */
  readonly queryType: string;
  /** Every root operation type's name: roots hold access points, not data. */
  readonly rootTypes: ReadonlySet<string>;
  readonly kinds: ReadonlyMap<string, TypeKind>;
}

const BUILT_IN_SCALARS = ["String", "Int", "Float", "Boolean", "ID"];

const KIND_OF: Partial<Record<Kind, TypeKind>> = {
  [Kind.SCALAR_TYPE_DEFINITION]: "SCALAR",
  [Kind.ENUM_TYPE_DEFINITION]: "ENUM",
  [Kind.OBJECT_TYPE_DEFINITION]: "OBJECT",
  [Kind.INTERFACE_TYPE_DEFINITION]: "INTERFACE",
  [Kind.UNION_TYPE_DEFINITION]: "UNION",
};

/** Reads a parsed supergraph; throws when the document is not one (it has no `join__Graph`). */
export function readSupergraphShape(document: DocumentNode): SupergraphShape {
  const isSupergraph = document.definitions.some((d) => d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === "join__Graph");
  if (!isSupergraph) throw new Error("not a Federation 2 supergraph (it defines no join__Graph)");
  const kinds = new Map<string, TypeKind>(BUILT_IN_SCALARS.map((name) => [name, "SCALAR"]));
  const objectTypes: ObjectTypeDefinitionNode[] = [];
  for (const def of document.definitions) {
    const kind = KIND_OF[def.kind];
    if (kind && "name" in def && def.name) kinds.set(def.name.value, kind);
    // Types without @join__type are the join and link specs' own, not any unit's.
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION || !has(def.directives, "join__type") || has(def.directives, "inaccessible")) continue;
    objectTypes.push({ ...def, fields: def.fields?.filter((f) => !has(f.directives, "inaccessible")) });
  }
  const roots = rootTypeNames(document);
  return { objectTypes, queryType: roots.get("query") ?? "Query", rootTypes: new Set(roots.values()), kinds };
}

function rootTypeNames(document: DocumentNode): Map<string, string> {
  const schema = document.definitions.find((d) => d.kind === Kind.SCHEMA_DEFINITION);
  if (schema?.kind !== Kind.SCHEMA_DEFINITION) {
    return new Map([["query", "Query"], ["mutation", "Mutation"], ["subscription", "Subscription"]]);
  }
  return new Map(schema.operationTypes.map((o) => [o.operation as string, o.type.name.value]));
}

function has(directives: readonly ConstDirectiveNode[] | undefined, name: string): boolean {
  return directives?.some((d) => d.name.value === name) ?? false;
}
