import { registerEnumType } from "../_kit/type-graphql.js";

/**
 * A GraphQL enum made from a list of values the governance rules already define, so the
 * schema and the rules cannot drift apart.
 */
export function graphqlEnum<T extends string>(name: string, values: readonly T[], description?: string): { readonly [K in T]: K } {
  const enumObject = Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
  registerEnumType(enumObject, { name, ...(description ? { description } : {}) });
  return enumObject;
}
