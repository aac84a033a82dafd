import { Arg, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from "../_kit/type-graphql.js";
import { requesterOf, type GovernanceContext } from "./context.js";
import { ExternalRequest, type ExternalRequestRecord } from "./external-request.js";
import { ExternalResourceInput } from "./external-resource-input.js";
import { GovernanceEvent } from "./governance-event.js";
import { GOVERNANCE_SHARE } from "./governance-share.js";
import { visibilityOf } from "./visibility.js";

/** SPEC §5: our units ask for other departments' resources; the leading group reviews and forwards them. */
@Resolver(() => ExternalRequest)
export class ExternalRequestResolver {
  @Directive(GOVERNANCE_SHARE)
  @Mutation(() => ExternalRequest, { description: "One of our units asks for another department's resource; the leading group reviews it." })
  requestExternalResource(@Arg("input", () => ExternalResourceInput) input: ExternalResourceInput, @Ctx() ctx: GovernanceContext): ExternalRequestRecord {
    return ctx.store.externalRequestService.request(requesterOf(ctx), input, ctx.now);
  }

  @Directive(GOVERNANCE_SHARE)
  @Mutation(() => ExternalRequest, { description: "The leading group forwards a request to the national platform, or rejects it with a reason." })
  reviewExternalRequest(
    @Arg("id", () => ID) id: string,
    @Arg("approve", () => Boolean) approve: boolean,
    @Arg("reason", () => String, { nullable: true }) reason: string | null,
    @Ctx() ctx: GovernanceContext,
  ): ExternalRequestRecord {
    return ctx.store.externalRequestService.review(requesterOf(ctx), id, approve, reason ?? null, ctx.now);
  }

  @Directive(GOVERNANCE_SHARE)
  @Query(() => [ExternalRequest], { description: "The requester's unit's requests (all of them for the overseers), newest first." })
  externalRequests(@Ctx() ctx: GovernanceContext): ExternalRequestRecord[] {
    return ctx.store.externalRequests.list(visibilityOf(requesterOf(ctx)));
  }

  @FieldResolver(() => [GovernanceEvent], { description: "Every transition, oldest first." })
  history(@Root() request: ExternalRequestRecord, @Ctx() ctx: GovernanceContext): Promise<GovernanceEvent[]> {
    return ctx.history("EXTERNAL_REQUEST").load(request.id);
  }
}
