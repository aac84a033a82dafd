import { Directive, Field, Float, ObjectType } from "../_kit/type-graphql.js";

/** The row behind an EmissionRecord. */
export interface EmissionRow {
  readonly creditCode: string;
  readonly month: string;
  readonly pollutant: string;
  readonly tonnes: number;
}

/** One pollutant's emissions of one enterprise in one month, as its permit report gives them. */
@Directive("@share(class: UNCONDITIONAL)")
@Directive('@resource(updateFrequency: MONTHLY, category: "污染源管理")')
@ObjectType()
export class EmissionRecord {
  @Field(() => String, { nullable: true, description: "YYYY-MM." })
  month!: string | null;

  @Field(() => String, { nullable: true, description: "二氧化硫, 氮氧化物, 颗粒物 or 挥发性有机物." })
  pollutant!: string | null;

  @Field(() => Float, { nullable: true })
  tonnes!: number | null;
}
