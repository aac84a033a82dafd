import { Arg, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from "../_kit/type-graphql.js";
import type { GrantStatus as Status } from "../../governance/supervision-workflow.js";
import { requesterOf, type GovernanceContext } from "./context.js";
import { GovernanceEvent } from "./governance-event.js";
import { parseRowId } from "./governance-errors.js";
import { GOVERNANCE_SHARE } from "./governance-share.js";
import { Grant, GrantStatus, type GrantRecord } from "./grant.js";
import { GrantFilter } from "./grant-filter.js";
import { statusOf } from "./grant-repository.js";
import { canSee, visibilityOf } from "./visibility.js";

/** Grants: their holder and provider see them, the overseers all; revocation by the provider or the cac-office. */
@Resolver(() => Grant)
export class GrantResolver {
  @Directive(GOVERNANCE_SHARE)
  @Mutation(() => Grant, { description: "The provider's approver or the cac-office revokes an active grant, with a reason; it stops at the next request." })
  revokeGrant(@Arg("id", () => ID) id: string, @Arg("reason", () => String) reason: string, @Ctx() ctx: GovernanceContext): GrantRecord {
    return ctx.store.supervision.revoke(requesterOf(ctx), id, reason, ctx.now);
  }

  @Directive(GOVERNANCE_SHARE)
  @Query(() => [Grant], { description: "Grants the requester holds or provides (all of them for the cac-office, leading group and security team), newest first." })
  grants(@Arg("filter", () => GrantFilter, { nullable: true }) filter: GrantFilter | null, @Ctx() ctx: GovernanceContext): GrantRecord[] {
    return ctx.store.grants.list(visibilityOf(requesterOf(ctx)), filter, ctx.today);
  }

  @Directive(GOVERNANCE_SHARE)
  @Query(() => Grant, { nullable: true, description: "One grant, or null when there is none the requester may see." })
  grant(@Arg("id", () => ID) id: string, @Ctx() ctx: GovernanceContext): GrantRecord | null {
    const visibility = visibilityOf(requesterOf(ctx));
    const key = parseRowId(id);
    const found = key === null ? null : ctx.store.grants.get(key);
    return found && canSee(visibility, [found.unit, found.provider]) ? found : null;
  }

  @FieldResolver(() => GrantStatus, { description: "REVOKED, EXPIRED after its validUntil day (Asia/Shanghai), else ACTIVE." })
  status(@Root() grant: GrantRecord, @Ctx() ctx: GovernanceContext): Status {
    return statusOf(grant, ctx.today);
  }

  @FieldResolver(() => [GovernanceEvent], { description: "Its revocation, if any (its making is in its application's history)." })
  history(@Root() grant: GrantRecord, @Ctx() ctx: GovernanceContext): Promise<GovernanceEvent[]> {
    return ctx.history("GRANT").load(grant.id);
  }
}
