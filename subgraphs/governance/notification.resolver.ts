import { pageSize } from "../_kit/pagination.js";
import { Arg, Ctx, Directive, ID, Int, Mutation, Query, Resolver } from "../_kit/type-graphql.js";
import { requesterOf, type GovernanceContext } from "./context.js";
import { GOVERNANCE_SHARE } from "./governance-share.js";
import { Notification } from "./notification.js";

/** What each unit has been told: every step of its applications, its grants' revocations, its suspensions. */
@Resolver(() => Notification)
export class NotificationResolver {
  @Directive(GOVERNANCE_SHARE)
  @Query(() => [Notification], { description: "The requester's unit's notifications, newest first." })
  notifications(
    @Arg("unread", () => Boolean, { nullable: true, description: "Only those not yet marked read." }) unread: boolean | null,
    @Arg("first", () => Int, { nullable: true }) first: number | null,
    @Ctx() ctx: GovernanceContext,
  ): Notification[] {
    return ctx.store.events.notifications(requesterOf(ctx).unit, unread === true, pageSize(first));
  }

  @Directive(GOVERNANCE_SHARE)
  @Mutation(() => Int, { description: "Marks the unit's notifications read (those listed, or all); returns how many were unread." })
  markNotificationsRead(@Arg("ids", () => [ID], { nullable: true }) ids: string[] | null, @Ctx() ctx: GovernanceContext): number {
    return ctx.store.events.markNotificationsRead(requesterOf(ctx).unit, ids ?? null, ctx.now.toISOString());
  }
}
