import type { EvaluationPeriodKind } from "../../governance/evaluation-period.js";
import type { UnitEvaluation as Evaluation } from "../../governance/unit-evaluation.js";
import { DateScalar } from "../../schema/scalars.js";
import { Arg, Ctx, Directive, Query, Resolver } from "../_kit/type-graphql.js";
import { requesterOf, type GovernanceContext } from "./context.js";
import { EvaluationPeriod, PeriodEvaluation, UnitEvaluation } from "./evaluation.js";
import type { PeriodEvaluationRecord } from "./evaluation-service.js";
import { forbidden } from "./governance-errors.js";
import { GOVERNANCE_SHARE } from "./governance-share.js";
import { visibilityOf } from "./visibility.js";
import { knownUnitArgument } from "./unit-argument.js";

/** Art. 28: the cac-office evaluates units periodically; the leading group and security team read it; a unit sees its own. */
@Resolver()
export class EvaluationResolver {
  @Directive(GOVERNANCE_SHARE)
  @Query(() => [UnitEvaluation], { description: "Each provider unit's evaluation over [from, to] (Art. 28); a unit without an overseeing role gets its own only." })
  evaluation(
    @Arg("unit", () => String, { nullable: true, description: "One unit; default: every unit with items in the catalog." }) unit: string | null,
    @Arg("from", () => DateScalar, { nullable: true, description: "First day; default: since the first record." }) from: string | null,
    @Arg("to", () => DateScalar, { nullable: true, description: "Last day; default: today." }) to: string | null,
    @Ctx() ctx: GovernanceContext,
  ): Evaluation[] {
    return ctx.store.oversight.evaluation.evaluate(evaluatedUnit(ctx, unit ?? null), from ?? null, to ?? ctx.today, ctx.today);
  }

  @Directive(GOVERNANCE_SHARE)
  @Query(() => [PeriodEvaluation], { description: "The evaluations of each calendar month, quarter or year meeting [from, to], oldest first." })
  evaluationsByPeriod(
    @Arg("unit", () => String, { nullable: true }) unit: string | null,
    @Arg("period", () => EvaluationPeriod) period: EvaluationPeriodKind,
    @Arg("from", () => DateScalar) from: string,
    @Arg("to", () => DateScalar, { nullable: true, description: "Default: today." }) to: string | null,
    @Ctx() ctx: GovernanceContext,
  ): PeriodEvaluationRecord[] {
    return ctx.store.oversight.evaluation.byPeriod(evaluatedUnit(ctx, unit ?? null), period, from, to ?? ctx.today, ctx.today);
  }
}

/** The unit asked for (null: all) when the requester oversees; else its own unit, and no other. */
function evaluatedUnit(ctx: GovernanceContext, unit: string | null): string | null {
  if (unit !== null) knownUnitArgument(ctx.store, "unit", unit);
  const requester = requesterOf(ctx);
  if (visibilityOf(requester).kind === "all") return unit;
  if (unit !== null && unit !== requester.unit) throw forbidden("only the cac-office, the leading group and the security team see other units' evaluations (Art. 28)");
  return requester.unit;
}
