import { Directive, Field, ID, ObjectType } from "../_kit/type-graphql.js";
import { DateScalar } from "../../schema/scalars.js";

/** A permit as the repository returns it; `enterprise` is resolved from `creditCode`. */
export interface DischargePermitRow {
  readonly permitNumber: string;
  readonly creditCode: string;
  /** The holder's province (GB/T 2260), kept for the `divisionCode` filter. */
  readonly divisionCode: string;
  readonly category: string;
  readonly issuedOn: string;
  readonly validUntil: string;
  readonly issuingAuthority: string;
  readonly pollutants: string[];
  readonly status: string;
}

/**
 * 排污许可证: the licence to discharge pollutants (排污许可管理条例, 2021). Public administrative
 * licensing information, so shared unconditionally (Art. 16(2)).
 */
@Directive('@key(fields: "permitNumber")')
@Directive("@share(class: UNCONDITIONAL)")
@Directive('@resource(updateFrequency: ON_CHANGE, category: "行政许可")')
@ObjectType()
export class DischargePermit {
  @Field(() => ID, { description: "Credit code + 3-digit sequence + \"P\", e.g. 91320506MA1X2Y3Z4A001P." })
  permitNumber!: string;

  @Field(() => String, { nullable: true, description: "重点管理, 简化管理 or 登记管理 (固定污染源排污许可分类管理名录)." })
  category!: string | null;

  @Field(() => DateScalar, { nullable: true })
  issuedOn!: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Five years after issue (排污许可管理条例 第十四条)." })
  validUntil!: string | null;

  @Field(() => String, { nullable: true })
  issuingAuthority!: string | null;

  @Field(() => [String], { nullable: true, description: "Pollutants the permit licenses (air and/or water)." })
  pollutants!: string[] | null;

  @Field(() => String, { nullable: true, description: "有效, 已过期 or 已注销." })
  status!: string | null;
}
