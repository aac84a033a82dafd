import { defaultFieldResolver, getNullableType, GraphQLError, isListType, isObjectType, type GraphQLSchema } from "graphql";

const BUDGET = Symbol("ecofed.read-budget");

/**
 * Items of lists one request may read from a unit, unless `ECOFED_UNIT_MAX_ITEMS` says
 * otherwise. The most a real query here reads from one unit is every water section's 500
 * readings (~140,000 items, the water unit's own test); the alias flood of issue 14 read 10
 * million.
 */
export const DEFAULT_UNIT_MAX_ITEMS = 250_000;

interface Budget {
  readonly max: number;
  left: number;
}

/** The request's budget, carried on its context (Apollo may copy a context, never drop its symbols). */
export function withReadBudget<T extends object>(context: T, maxItems: number): T {
  const budget: Budget = { max: maxItems, left: maxItems };
  Object.defineProperty(context, BUDGET, { value: budget, enumerable: true });
  return context;
}

/**
 * The unit's own bound on what one request makes it build (issue 14, second line behind the
 * gateway's operation limits): every list a resolver returns — `_entities` included — is
 * counted against the request's budget, and once it is spent every further list field fails
 * with UNIT_READ_LIMIT instead of being read. 200 aliases of every station's 500 readings drove
 * a unit past 4 GB; with the budget it stops at `maxItems` items.
 */
export function boundListReads(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      if (!isListType(getNullableType(field.type))) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context: Record<symbol, Budget | undefined>, info) => {
        const budget = context?.[BUDGET];
        if (!budget) return resolve(source, args, context, info);
        if (budget.left < 0) throw readLimit(budget);
        const value = resolve(source, args, context, info);
        return value instanceof Promise ? value.then((v: unknown) => spend(budget, v)) : spend(budget, value);
      };
    }
  }
}

function spend(budget: Budget, value: unknown): unknown {
  if (Array.isArray(value)) budget.left -= value.length;
  if (budget.left < 0) throw readLimit(budget);
  return value;
}

function readLimit(budget: Budget): GraphQLError {
  return new GraphQLError(`This request reads more than ${budget.max} items from this unit; ask for less.`, {
    extensions: { code: "UNIT_READ_LIMIT", limit: { name: "items", max: budget.max } },
  });
}
