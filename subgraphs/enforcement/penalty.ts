import { Directive, Field, Float, ID, ObjectType } from "../_kit/type-graphql.js";
import { DateScalar } from "../../schema/scalars.js";

/** A penalty decision as the repository returns it. */
export interface PenaltyRow {
  readonly id: string;
  readonly creditCode: string;
  /** The penalised enterprise's province (GB/T 2260), kept for the `divisionCode` filter. */
  readonly divisionCode: string;
  readonly decisionNumber: string;
  readonly decidedOn: string;
  readonly violation: string;
  readonly legalBasis: string;
  readonly amountYuan: number;
  readonly status: string;
}

/**
 * 行政处罚决定: decisions with social impact are made public (行政处罚法 第四十八条),
 * so shared unconditionally.
 */
@Directive("@share(class: UNCONDITIONAL)")
@Directive('@resource(updateFrequency: ON_CHANGE, category: "环境监察执法")')
@ObjectType({ description: "An administrative penalty decision (行政处罚决定书)." })
export class Penalty {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: "Document number, e.g. 苏环罚〔2026〕123号." })
  decisionNumber!: string | null;

  @Field(() => DateScalar, { nullable: true })
  decidedOn!: string | null;

  @Field(() => String, { nullable: true })
  violation!: string | null;

  @Field(() => String, { nullable: true, description: "The article the penalty rests on." })
  legalBasis!: string | null;

  @Field(() => Float, { nullable: true, description: "Fine in yuan." })
  amountYuan!: number | null;

  @Field(() => String, { nullable: true, description: "已执行, 执行中 or 行政复议中." })
  status!: string | null;
}
