import { Arg, Ctx, Directive, FieldResolver, Mutation, Query, Resolver, Root } from "../_kit/type-graphql.js";
import { requesterOf, type GovernanceContext } from "./context.js";
import { GovernanceEvent } from "./governance-event.js";
import { GOVERNANCE_SHARE } from "./governance-share.js";
import { Suspension, type SuspensionRecord } from "./suspension.js";
import { isActive } from "./suspension-repository.js";
import { knownUnitArgument } from "./unit-argument.js";

/** Art. 29: the cac-office suspends a unit for 6 months, or lifts it early; everyone may see who is suspended. */
@Resolver(() => Suspension)
export class SuspensionResolver {
  @Directive(GOVERNANCE_SHARE)
  @Mutation(() => Suspension, { description: "The cac-office suspends a unit for 6 months (Art. 29): it is then served nothing but its own data." })
  suspendUnit(@Arg("unit", () => String) unit: string, @Arg("reason", () => String) reason: string, @Ctx() ctx: GovernanceContext): SuspensionRecord {
    return ctx.store.supervision.suspend(requesterOf(ctx), knownUnitArgument(ctx.store, "unit", unit), reason, ctx.now);
  }

  @Directive(GOVERNANCE_SHARE)
  @Mutation(() => Suspension, { description: "The cac-office lifts a unit's suspension before its end." })
  liftSuspension(@Arg("unit", () => String) unit: string, @Arg("reason", () => String) reason: string, @Ctx() ctx: GovernanceContext): SuspensionRecord {
    return ctx.store.supervision.lift(requesterOf(ctx), unit, reason, ctx.now);
  }

  @Directive(GOVERNANCE_SHARE)
  @Query(() => [Suspension], { description: "Every suspension, in force or over, newest first." })
  suspensions(@Ctx() ctx: GovernanceContext): SuspensionRecord[] {
    requesterOf(ctx); // every authenticated requester, and only those
    return ctx.store.suspensions.list();
  }

  @FieldResolver(() => Boolean, { description: "In force: not lifted, and today (Asia/Shanghai) is not past until." })
  active(@Root() suspension: SuspensionRecord, @Ctx() ctx: GovernanceContext): boolean {
    return isActive(suspension, ctx.today);
  }

  @FieldResolver(() => [GovernanceEvent], { description: "Its start and its lifting." })
  history(@Root() suspension: SuspensionRecord, @Ctx() ctx: GovernanceContext): Promise<GovernanceEvent[]> {
    return ctx.history("SUSPENSION").load(suspension.id);
  }
}
