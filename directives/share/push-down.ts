import { Kind, visit, type ConstDirectiveNode, type DocumentNode, type FieldDefinitionNode } from "graphql";

const isShare = (d: ConstDirectiveNode): boolean => d.name.value === "share";

/**
 * Moves each type-level `@share` onto the fields the same subgraph defines on that type.
 * In a supergraph, a type's directives from several subgraphs merge into one list and
 * no longer say whose they were; field-level ones keep their `@join__field` owner. So a
 * default given by one unit can never leak onto another unit's fields (CONTRACT §3).
 */
export function pushDownTypeShares(document: DocumentNode): DocumentNode {
  return visit(document, {
    [Kind.OBJECT_TYPE_DEFINITION]: pushDown,
    [Kind.OBJECT_TYPE_EXTENSION]: pushDown,
    [Kind.INTERFACE_TYPE_DEFINITION]: pushDown,
    [Kind.INTERFACE_TYPE_EXTENSION]: pushDown,
  }) as DocumentNode;
}

function pushDown<T extends { directives?: readonly ConstDirectiveNode[]; fields?: readonly FieldDefinitionNode[] }>(node: T): T {
  const typeShare = node.directives?.find(isShare);
  if (!typeShare) return node;
  return {
    ...node,
    directives: node.directives!.filter((d) => !isShare(d)),
    fields: node.fields?.map((f) => (f.directives?.some(isShare) ? f : { ...f, directives: [...(f.directives ?? []), typeShare] })),
  };
}
