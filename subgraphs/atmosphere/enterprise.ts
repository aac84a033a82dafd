import { Directive, Field, ID, ObjectType } from "type-graphql";

/** The info centre's Enterprise, extended with what this unit knows: its air emissions. */
@Directive('@key(fields: "creditCode")')
@Directive("@share(class: UNCONDITIONAL)")
@ObjectType()
export class Enterprise {
  @Field(() => ID)
  creditCode!: string;
}
