import { Directive, Field, Float, ID, ObjectType } from "../_kit/type-graphql.js";
import { DateScalar } from "../../schema/scalars.js";

/** The row behind a ContaminatedSite; `division` and `enterprise` are resolved from it. */
export interface ContaminatedSiteRow {
  readonly id: string;
  readonly name: string;
  readonly divisionCode: string;
  readonly creditCode: string | null;
  readonly landUse: string;
  readonly riskLevel: string;
  readonly pollutants: string[];
  readonly areaSquareMetres: number;
  readonly status: string;
  readonly listedOn: string;
}

/**
 * A plot on the 建设用地土壤污染风险管控和修复名录 kept under the Soil Pollution Prevention
 * and Control Law (Arts. 58–66), from first investigation to completed remediation.
 */
@Directive('@key(fields: "id")')
@Directive("@share(class: UNCONDITIONAL)")
@Directive('@resource(updateFrequency: ON_CHANGE, category: "土壤环境管理")')
@ObjectType({ description: "A site on the construction-land soil risk control and remediation list." })
export class ContaminatedSite {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true, description: "Planned land use (GB 50137-2011), e.g. 居住用地, 工业用地." })
  landUse!: string | null;

  @Field(() => String, { nullable: true, description: "高, 中 or 低." })
  riskLevel!: string | null;

  @Field(() => [String], { nullable: true, description: "Pollutants of concern as GB 36600-2018 names them." })
  pollutants!: string[] | null;

  @Field(() => Float, { nullable: true })
  areaSquareMetres!: number | null;

  @Field(() => String, { nullable: true, description: "初步调查, 详细调查, 风险评估, 风险管控, 治理修复 or 修复完成." })
  status!: string | null;

  @Field(() => DateScalar, { nullable: true, description: "When the site entered the list." })
  listedOn!: string | null;
}
