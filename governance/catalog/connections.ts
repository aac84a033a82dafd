import { Kind, type FieldDefinitionNode, type ObjectTypeDefinitionNode, type TypeNode } from "graphql";

/**
 * Connection types (`nodes` + `pageInfo`) and the page-info types they use. They wrap data
 * but hold none of their own, so the catalog folds them: they are no resources, and a root
 * field returning a connection is an access point of the connection's node type.
 */
export interface Connections {
  /** Connection type name → the type of its nodes. */
  readonly nodesOf: ReadonlyMap<string, string>;
  readonly pageInfos: ReadonlySet<string>;
}

export function findConnections(objectTypes: readonly ObjectTypeDefinitionNode[]): Connections {
  const nodesOf = new Map<string, string>();
  const pageInfos = new Set<string>();
  for (const type of objectTypes) {
    const nodes = fieldNamed(type, "nodes");
    const pageInfo = fieldNamed(type, "pageInfo");
    if (!nodes || !pageInfo || !isList(nodes.type)) continue;
    nodesOf.set(type.name.value, namedTypeOf(nodes.type));
    pageInfos.add(namedTypeOf(pageInfo.type));
  }
  return { nodesOf, pageInfos };
}

export function isConnectionPart(connections: Connections, typeName: string): boolean {
  return connections.nodesOf.has(typeName) || connections.pageInfos.has(typeName);
}

export function namedTypeOf(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedTypeOf(type.type);
}

function isList(type: TypeNode): boolean {
  return type.kind === Kind.LIST_TYPE || (type.kind === Kind.NON_NULL_TYPE && isList(type.type));
}

function fieldNamed(type: ObjectTypeDefinitionNode, name: string): FieldDefinitionNode | undefined {
  return type.fields?.find((f) => f.name.value === name);
}
