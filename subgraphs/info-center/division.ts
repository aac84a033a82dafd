import { Directive, Field, ID, Int, ObjectType } from "../_kit/type-graphql.js";

/** A GB/T 2260 administrative division; base data the info centre keeps (Art. 14). */
@Directive('@key(fields: "code")')
@Directive("@share(class: UNCONDITIONAL)")
@Directive('@resource(updateFrequency: YEARLY, category: "基础信息")')
@ObjectType()
export class AdministrativeDivision {
  @Field(() => ID)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Int, { description: "1 province, 2 prefecture, 3 county." })
  level!: number;
}
