import { Directive, Field, ID, ObjectType } from "../_kit/type-graphql.js";

/** What the gateway sends for an enterprise: only its key; the info centre owns the rest. */
export interface EnterpriseKey {
  readonly creditCode: string;
}

/** The info centre's Enterprise, extended with the contaminated sites it answers for. */
@Directive('@key(fields: "creditCode")')
@Directive("@share(class: UNCONDITIONAL)")
@ObjectType()
export class Enterprise {
  @Field(() => ID)
  creditCode!: string;
}
