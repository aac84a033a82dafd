import { Kind, type DefinitionNode, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from "graphql";

/**
 * The document the query planner is given: the operation to run and the fragments it
 * reaches, nothing else. Apollo's planner reads every fragment of the document against the
 * one operation's variables, so a valid document whose other operation declares a variable
 * that operation's own fragment uses (`query A { ...F } query B($v: ID!) { ...G }` with
 * `fragment G on Query { inspection(id: $v) { id } }`, run as A) was answered HTTP 500
 * INVALID_GRAPHQL (found by the fuzz, issue 14). Each fragment is visited once: linear in
 * the document. A document of one operation is returned as it is (validation has made sure
 * it uses every fragment).
 */
export function operationDocument(document: DocumentNode, operation: OperationDefinitionNode): DocumentNode {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length <= 1) return document;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const reached = new Set<string>();
  const pending: SelectionSetNode[] = [operation.selectionSet];
  for (let set = pending.pop(); set; set = pending.pop()) {
    for (const selection of set.selections) {
      if (selection.kind !== Kind.FRAGMENT_SPREAD) {
        if (selection.selectionSet) pending.push(selection.selectionSet);
        continue;
      }
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (reached.has(name) || !fragment) continue;
      reached.add(name);
      pending.push(fragment.selectionSet);
    }
  }
  const definitions: DefinitionNode[] = [operation, ...[...fragments.values()].filter((f) => reached.has(f.name.value))];
  return { kind: Kind.DOCUMENT, definitions };
}
