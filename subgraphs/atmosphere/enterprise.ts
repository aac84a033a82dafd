import { Directive, Field, ID, ObjectType } from "../_kit/type-graphql.js";

/** The info centre's Enterprise, extended with what this unit knows: its air emissions. */
@Directive('@key(fields: "creditCode")')
@Directive("@share(class: UNCONDITIONAL)")
@ObjectType()
export class Enterprise {
  @Field(() => ID)
  creditCode!: string;
}
