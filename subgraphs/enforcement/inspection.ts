import { Directive, Field, ID, ObjectType } from "../_kit/type-graphql.js";
import { DateScalar } from "../../schema/scalars.js";
import { INFORMANT_SHARE, INSPECTION_SHARE } from "./inspection-share.js";

/** An on-site inspection as the repository returns it. */
export interface InspectionRow {
  readonly id: string;
  readonly creditCode: string;
  readonly date: string;
  readonly kind: string;
  readonly result: string;
  readonly inspector: string;
  readonly informant: string | null;
}

/** 现场检查: an on-site inspection of an enterprise by the enforcement bureau. */
@Directive('@key(fields: "id")')
@Directive(INSPECTION_SHARE)
@Directive('@resource(updateFrequency: ON_CHANGE, category: "环境监察执法")')
@ObjectType()
export class Inspection {
  @Field(() => ID, { description: "JC + year + 6-digit serial, e.g. JC2025000123." })
  id!: string;

  @Field(() => DateScalar, { nullable: true })
  date!: string | null;

  @Field(() => String, { nullable: true, description: "双随机抽查, 日常巡查, 专项检查 or 信访举报核查." })
  kind!: string | null;

  @Field(() => String, { nullable: true, description: "未发现问题, 责令改正 or 立案查处." })
  result!: string | null;

  @Field(() => String, { nullable: true, description: "The two law-enforcement officers (行政处罚法 第四十二条)." })
  inspector!: string | null;

  @Directive(INFORMANT_SHARE)
  @Field(() => String, { nullable: true, description: "Who reported the enterprise; only on 信访举报核查 inspections." })
  informant!: string | null;
}
