import { isInterfaceType, isObjectType, isUnionType, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";
import { badUserInput } from "../../schema/errors.js";

/**
 * Refuses, as BAD_USER_INPUT, `_entities` representations that are not objects naming one of
 * the unit's entity types: @apollo/subgraph throws a plain Error for those (a TypeError for
 * some), which the unit answered as a masked INTERNAL_SERVER_ERROR (found by the fuzz, issue
 * 14). Only the platform's assertion reaches `_entities`, and the gateway's representations
 * always name a type; a malformed one is still the sender's error, not the unit's.
 */
export function checkEntityRepresentations(schema: GraphQLSchema): void {
  const field = schema.getQueryType()?.getFields()["_entities"];
  const resolve = field?.resolve;
  if (!field || !resolve) return;
  // The types `_entities` can answer: the `_Entity` union's (an interface counts when one of its types is one).
  const union = schema.getType("_Entity");
  const entities = new Set(isUnionType(union) ? union.getTypes().map((t) => t.name) : []);
  const isEntity = (name: string): boolean => {
    const type = schema.getType(name);
    if (isObjectType(type)) return entities.has(name);
    return isInterfaceType(type) && schema.getPossibleTypes(type).some((t) => entities.has(t.name));
  };
  const checked: GraphQLFieldResolver<unknown, unknown> = (source, args: { representations?: unknown }, context, info) => {
    for (const representation of Array.isArray(args.representations) ? args.representations : []) {
      const typename = representation !== null && typeof representation === "object" ? (representation as { __typename?: unknown }).__typename : undefined;
      if (typeof typename !== "string" || !isEntity(typename)) {
        throw badUserInput("representations", "must each be an object whose __typename names an entity type of this unit");
      }
    }
    return resolve(source, args, context, info);
  };
  field.resolve = checked;
}
