import { Arg, Ctx, Directive, Mutation, Query, Resolver } from "../_kit/type-graphql.js";
import { requesterOf, type GovernanceContext } from "./context.js";
import { GOVERNANCE_SHARE } from "./governance-share.js";
import { Outcome, type OutcomeRecord } from "./outcome.js";
import { OutcomeInput } from "./outcome-input.js";
import { visibilityOf } from "./visibility.js";

/** Art. 8(3): users report what they achieved with shared data; its providers and the overseers see it. */
@Resolver(() => Outcome)
export class OutcomeResolver {
  @Directive(GOVERNANCE_SHARE)
  @Mutation(() => Outcome, { description: "Reports an outcome achieved with other units' data items (Art. 8(3)); their providers are told." })
  reportOutcome(@Arg("input", () => OutcomeInput) input: OutcomeInput, @Ctx() ctx: GovernanceContext): OutcomeRecord {
    return ctx.store.oversight.feedback.reportOutcome(requesterOf(ctx), input, ctx.now);
  }

  @Directive(GOVERNANCE_SHARE)
  @Query(() => [Outcome], { description: "Outcomes the requester's unit reported or provided the data for (all of them for the overseers), newest first." })
  outcomes(@Arg("unit", () => String, { nullable: true, description: "Of this unit, as reporter or provider." }) unit: string | null, @Ctx() ctx: GovernanceContext): OutcomeRecord[] {
    return ctx.store.oversight.outcomes.list(visibilityOf(requesterOf(ctx)), unit);
  }
}
