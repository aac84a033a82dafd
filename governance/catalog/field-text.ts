import { print, type FieldDefinitionNode, type ObjectTypeDefinitionNode } from "graphql";
import { byCodePoint } from "./code-point-order.js";

/**
 * A field's arguments as printed (`from: DateTime`), sorted by name: composition's argument
 * order is its own, and arguments are named, so their order means nothing to a client.
 */
export function argumentsOf(field: FieldDefinitionNode): string[] {
  return (field.arguments ?? []).map((a) => `${a.name.value}: ${print(a.type)}`).sort(byCodePoint);
}

/** `enterprise(creditCode: ID!): Enterprise`: the field as a client calls it. */
export function signatureOf(field: FieldDefinitionNode): string {
  const args = argumentsOf(field);
  return `${field.name.value}${args.length > 0 ? `(${args.join(", ")})` : ""}: ${print(field.type)}`;
}

export function descriptionOf(node: FieldDefinitionNode | ObjectTypeDefinitionNode): string | null {
  return node.description?.value.trim() || null;
}
