import { Directive, Field, ID, Int, ObjectType } from "../_kit/type-graphql.js";

/** The row behind a NuclearFacility. */
export interface NuclearFacilityRow {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly operator: string;
  readonly divisionCode: string;
  readonly status: string;
  readonly units: number;
  readonly physicalProtectionPlan: string;
}

/** A civil nuclear facility under licence (核设施); division and readings are resolved. */
@Directive('@key(fields: "id")')
@Directive("@share(class: UNCONDITIONAL)")
@Directive('@resource(updateFrequency: ON_CHANGE, category: "核与辐射安全管理")')
@ObjectType()
export class NuclearFacility {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true, description: "核电厂, 研究堆, 核燃料循环设施 or 放射性废物处置场." })
  kind!: string | null;

  @Field(() => String, { nullable: true, description: "The licence holder (营运单位)." })
  operator!: string | null;

  @Field(() => String, { nullable: true, description: "运行, 在建 or 退役." })
  status!: string | null;

  @Field(() => Int, { nullable: true, description: "Reactor units, or production lines / disposal units." })
  units!: number | null;

  @Directive(
    '@share(class: NOT_SHARED, basis: "《中华人民共和国核安全法》第十二条：国家加强对核设施、核材料的安全保卫工作；核设施实物保护方案按国家秘密管理（《中华人民共和国保守国家秘密法》）。")',
  )
  @Field(() => String, { nullable: true })
  physicalProtectionPlan!: string | null;
}
