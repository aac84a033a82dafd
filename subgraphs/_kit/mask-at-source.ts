import { defaultFieldResolver, isObjectType, type GraphQLSchema } from "graphql";
import { maskValue } from "../../directives/share/mask.js";

const MASKED = Symbol("ecofed.masked-coordinates");

/** The coordinates a request's assertion has masked, carried on its context (Apollo may copy a context, never drop its symbols). */
export function withMasked<T extends object>(context: T, masked: ReadonlySet<string>): T {
  if (masked.size > 0) Object.defineProperty(context, MASKED, { value: masked, enumerable: true });
  return context;
}

/**
 * Masking at the source (issue 13): the unit masks each value its assertion marks MASKED
 * before it leaves the process, so a clear value the requester may not see never crosses
 * the network (the gateway masks again, as a second line). Only the `mask: PARTIAL` fields
 * can be masked, so only their resolvers are wrapped; other fields cost nothing.
 */
export function maskAtSource(schema: GraphQLSchema, maskable: ReadonlySet<string>): void {
  for (const coordinate of maskable) {
    const [typeName, fieldName] = coordinate.split(".") as [string, string];
    const type = schema.getType(typeName);
    const field = isObjectType(type) ? type.getFields()[fieldName] : undefined;
    if (!field) throw new Error(`maskable coordinate ${coordinate} is not in the schema`);
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = (source, args, context: Record<symbol, ReadonlySet<string> | undefined>, info) => {
      const value = resolve(source, args, context, info);
      if (!context?.[MASKED]?.has(coordinate)) return value;
      return value instanceof Promise ? value.then(maskValue) : maskValue(value);
    };
  }
}
