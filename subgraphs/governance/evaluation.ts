import type { SharePurpose as Purpose } from "../../directives/share/rule.js";
import { EVALUATION_PERIODS } from "../../governance/evaluation-period.js";
import { DateScalar } from "../../schema/scalars.js";
import { Directive, Field, Float, Int, ObjectType } from "../_kit/type-graphql.js";
import { GOVERNANCE_SHARE } from "./governance-share.js";
import { graphqlEnum } from "./graphql-enum.js";
import { SharePurpose } from "./share-purpose.js";

export const EvaluationPeriod = graphqlEnum("EvaluationPeriod", EVALUATION_PERIODS, "Calendar months, quarters or years (Asia/Shanghai).");

// Evaluations are computed from stored data on every request: nothing of them is kept.
const COMPUTED = '@resource(updateFrequency: REALTIME, category: "共享管理")';

@Directive(GOVERNANCE_SHARE)
@Directive(COMPUTED)
@ObjectType({ description: "A figure with what it counts: numerator out of denominator." })
export class Ratio {
  @Field(() => Int) numerator!: number;
  @Field(() => Int) denominator!: number;
  @Field(() => Float, { nullable: true, description: "numerator / denominator; null when the denominator is 0." }) value!: number | null;
}

@Directive(GOVERNANCE_SHARE)
@Directive(COMPUTED)
@ObjectType({ description: "How one kind of deadline was kept over the period, as of its end (asOf)." })
export class DeadlineFigures {
  @Field(() => Int, { description: "Submitted, reported or made in the period." }) total!: number;
  @Field(() => Int, { description: "Answered by the due day." }) inTime!: number;
  @Field(() => Int, { description: "Answered after the due day." }) late!: number;
  @Field(() => Int, { description: "Unanswered past the due day." }) overdue!: number;
  @Field(() => Int, { description: "Unanswered, not yet due." }) pending!: number;
  @Field(() => Int, { description: "Closed without an answer (withdrawn applications)." }) withdrawn!: number;
  @Field(() => Ratio, { description: "inTime out of inTime + late + overdue." }) answeredInTime!: Ratio;
}

@Directive(GOVERNANCE_SHARE)
@Directive(COMPUTED)
@ObjectType({ description: "A field the unit read for more than one declared purpose (Art. 25)." })
export class PurposeSpread {
  @Field(() => String) coordinate!: string;
  @Field(() => [SharePurpose]) purposes!: Purpose[];
  @Field(() => Int, { description: "Access records of it with a purpose." }) records!: number;
}

@Directive(GOVERNANCE_SHARE)
@Directive(COMPUTED)
@ObjectType({ description: "What the access log shows of the unit as a requester of other units' data (Art. 25, 29(3))." })
export class MisuseFlags {
  @Field(() => Boolean, { description: "False when there was no access log to read: then the figures are zeros, not a clean record." }) measured!: boolean;
  @Field(() => Ratio, { description: "Its reads denied, out of all its reads of other units' fields." }) denied!: Ratio;
  @Field(() => [PurposeSpread], { description: "Fields it read for several purposes, most purposes first: listed for review, not judged." }) purposeSpread!: PurposeSpread[];
}

@Directive(GOVERNANCE_SHARE)
@Directive(COMPUTED)
@ObjectType({ description: "A unit's evaluation over a period (Art. 28): every figure computed from stored data, with its numerator and denominator." })
export class UnitEvaluation {
  @Field(() => String) unit!: string;
  @Field(() => DateScalar, { nullable: true, description: "The period's first day; null: since the first record." }) from!: string | null;
  @Field(() => DateScalar) to!: string;
  @Field(() => DateScalar, { description: "The day the figures stand at: the period's end, or today while it runs." }) asOf!: string;
  @Field(() => Int, { nullable: true, description: "The catalog version in force at the period's end; null when none was recorded yet." }) catalogVersion!: number | null;
  @Field(() => Ratio, { description: "Its items UNCONDITIONAL or CONDITIONAL, out of all its items in that catalog (Art. 4(1))." }) shareRatio!: Ratio;
  @Field(() => Ratio, {
    description: "Its items with a class, a description, an update frequency and their usage terms (purposes, or the basis of a NOT_SHARED one), out of all its items (Art. 10).",
  })
  catalogCompleteness!: Ratio;
  @Field(() => Ratio, { description: "The resources it leads that state an update frequency, out of all of them (Art. 7(2))." }) resourcesWithFrequency!: Ratio;
  @Field(() => Boolean, {
    description: "Always false: whether its data meets the declared frequency needs its latest data timestamps, which governance does not hold; nothing is inferred.",
  })
  freshnessMeasured!: boolean;
  @Field(() => DeadlineFigures, { description: "Applications to it, by their first answer (Art. 21, 23(4))." }) applications!: DeadlineFigures;
  @Field(() => DeadlineFigures, { description: "Data issues on its data, by its answer (Art. 7(4))." }) dataIssues!: DeadlineFigures;
  @Field(() => DeadlineFigures, { description: "Catalog changes of it, by its confirmation (Art. 12)." }) catalogChanges!: DeadlineFigures;
  @Field(() => MisuseFlags) misuse!: MisuseFlags;
}

@Directive(GOVERNANCE_SHARE)
@Directive(COMPUTED)
@ObjectType({ description: "The evaluations of one calendar period, cut to the asked range." })
export class PeriodEvaluation {
  @Field(() => String, { description: "2026-04, 2026-Q2 or 2026." }) period!: string;
  @Field(() => DateScalar) from!: string;
  @Field(() => DateScalar) to!: string;
  @Field(() => [UnitEvaluation]) units!: UnitEvaluation[];
}
