import { Directive, Field, ID, ObjectType } from "../_kit/type-graphql.js";

/**
 * The info centre's Enterprise, as far as this unit extends it: the key only. The unit does
 * not keep registrations, so a reference resolves to `{ creditCode }` without a query.
 */
@Directive('@key(fields: "creditCode")')
@Directive("@share(class: UNCONDITIONAL)")
@ObjectType("Enterprise")
export class Enterprise {
  @Field(() => ID, { description: "Unified social credit code (GB 32100), 18 characters." })
  creditCode!: string;
}
