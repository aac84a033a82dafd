import { Directive, Field, ID, ObjectType } from "../_kit/type-graphql.js";
import { DateScalar } from "../../schema/scalars.js";

/** The row behind an Enterprise: its registration as the info centre keeps it. */
export interface EnterpriseRow {
  readonly creditCode: string;
  readonly name: string;
  readonly divisionCode: string;
  readonly industry: string;
  readonly legalRepresentative: string;
  readonly address: string;
  readonly registeredOn: string;
}

/** An enterprise, keyed by its unified social credit code; the other units extend it. */
@Directive('@key(fields: "creditCode")')
@Directive("@share(class: UNCONDITIONAL)")
@Directive('@resource(updateFrequency: ON_CHANGE, category: "基础信息")')
@ObjectType()
export class Enterprise {
  @Field(() => ID, { description: "Unified social credit code (GB 32100), 18 characters." })
  creditCode!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true, description: "Industry (GB/T 4754 category name)." })
  industry!: string | null;

  @Field(() => String, { nullable: true })
  address!: string | null;

  @Field(() => DateScalar, { nullable: true })
  registeredOn!: string | null;

  // Personal data: only the units that act on it see it whole; others see it masked.
  @Directive('@share(class: CONDITIONAL, conditions: { scope: ["permits", "enforcement"], mask: PARTIAL }, basis: "《中华人民共和国个人信息保护法》第三十四条：国家机关处理个人信息，不得超出履行法定职责所必需的范围和限度。")')
  @Field(() => String, { nullable: true })
  legalRepresentative!: string | null;
}
