import { isOverdue, type ApplicationAction } from "../../governance/application-workflow.js";
import { Arg, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from "../_kit/type-graphql.js";
import { Application, type ApplicationRecord } from "./application.js";
import { ApplicationFilter } from "./application-filter.js";
import { ApplyInput } from "./apply-input.js";
import { requesterOf, type GovernanceContext } from "./context.js";
import { GovernanceEvent } from "./governance-event.js";
import { GOVERNANCE_SHARE } from "./governance-share.js";
import { parseRowId } from "./governance-errors.js";
import { Grant, type GrantRecord } from "./grant.js";
import { canSee, visibilityOf } from "./visibility.js";

function act(ctx: GovernanceContext, id: string, action: ApplicationAction): ApplicationRecord {
  return ctx.store.applicationService.act(requesterOf(ctx), id, action, ctx.now);
}

/** Applications (Art. 21–23): filing, every step of the workflow, and the lists each party sees. */
@Resolver(() => Application)
export class ApplicationResolver {
  @Directive(GOVERNANCE_SHARE)
  @Mutation(() => Application, { description: "Applies for fields of one provider (Art. 21); external departments' applications await the leading group (Art. 23(4))." })
  applyForAccess(@Arg("input", () => ApplyInput) input: ApplyInput, @Ctx() ctx: GovernanceContext): ApplicationRecord {
    return ctx.store.applicationService.apply(requesterOf(ctx), input, ctx.now);
  }

  @Directive(GOVERNANCE_SHARE)
  @Mutation(() => Application, { description: "The provider's approver approves, or rejects with a reason (Art. 21)." })
  decideApplication(
    @Arg("id", () => ID) id: string,
    @Arg("approve", () => Boolean) approve: boolean,
    @Arg("reason", () => String, { nullable: true }) reason: string | null,
    @Ctx() ctx: GovernanceContext,
  ): ApplicationRecord {
    return act(ctx, id, { kind: "decide", approve, reason: reason ?? null });
  }

  @Directive(GOVERNANCE_SHARE)
  @Mutation(() => Application, { description: "The applicant takes a rejection to the cac-office (Art. 21)." })
  escalateApplication(@Arg("id", () => ID) id: string, @Arg("note", () => String, { nullable: true }) note: string | null, @Ctx() ctx: GovernanceContext): ApplicationRecord {
    return act(ctx, id, { kind: "escalate", note: note ?? null });
  }

  @Directive(GOVERNANCE_SHARE)
  @Mutation(() => Application, { description: "The cac-office answers an escalated or endorsed application, with its reason (Art. 21, 22, 23(4))." })
  coordinateApplication(
    @Arg("id", () => ID) id: string,
    @Arg("approve", () => Boolean) approve: boolean,
    @Arg("reason", () => String) reason: string,
    @Ctx() ctx: GovernanceContext,
  ): ApplicationRecord {
    return act(ctx, id, { kind: "coordinate", approve, reason });
  }

  @Directive(GOVERNANCE_SHARE)
  @Mutation(() => Application, { description: "The leading group endorses an external department's application, or rejects it with a reason (Art. 23(4))." })
  endorseApplication(
    @Arg("id", () => ID) id: string,
    @Arg("approve", () => Boolean) approve: boolean,
    @Arg("reason", () => String, { nullable: true }) reason: string | null,
    @Ctx() ctx: GovernanceContext,
  ): ApplicationRecord {
    return act(ctx, id, { kind: "endorse", approve, reason: reason ?? null });
  }

  @Directive(GOVERNANCE_SHARE)
  @Mutation(() => Application, { description: "The applicant withdraws an application still awaiting an answer." })
  withdrawApplication(@Arg("id", () => ID) id: string, @Ctx() ctx: GovernanceContext): ApplicationRecord {
    return act(ctx, id, { kind: "withdraw" });
  }

  @Directive(GOVERNANCE_SHARE)
  @Query(() => [Application], { description: "Applications the requester is party to (all of them for the cac-office, leading group and security team), newest first." })
  applications(@Arg("filter", () => ApplicationFilter, { nullable: true }) filter: ApplicationFilter | null, @Ctx() ctx: GovernanceContext): ApplicationRecord[] {
    return ctx.store.applications.list(visibilityOf(requesterOf(ctx)), filter, ctx.today);
  }

  @Directive(GOVERNANCE_SHARE)
  @Query(() => [Application], { description: "Applications past their dueBy while still awaiting an answer (SPEC §5: they count against the provider)." })
  overdueApplications(@Ctx() ctx: GovernanceContext): ApplicationRecord[] {
    return ctx.store.applications.list(visibilityOf(requesterOf(ctx)), { overdue: true }, ctx.today);
  }

  @Directive(GOVERNANCE_SHARE)
  @Query(() => Application, { nullable: true, description: "One application, or null when there is none the requester may see." })
  application(@Arg("id", () => ID) id: string, @Ctx() ctx: GovernanceContext): ApplicationRecord | null {
    const visibility = visibilityOf(requesterOf(ctx));
    const key = parseRowId(id);
    const found = key === null ? null : ctx.store.applications.get(key);
    return found && canSee(visibility, [found.applicant, found.provider]) ? found : null;
  }

  @FieldResolver(() => Grant, { nullable: true, description: "The grant its approval made." })
  grant(@Root() application: ApplicationRecord, @Ctx() ctx: GovernanceContext): Promise<GrantRecord | null> {
    return ctx.grantOfApplication.load(application.id);
  }

  @FieldResolver(() => Boolean, { description: "Past its dueBy while still awaiting an answer that has a deadline." })
  overdue(@Root() application: ApplicationRecord, @Ctx() ctx: GovernanceContext): boolean {
    return isOverdue(application, application.dueBy, ctx.today);
  }

  @FieldResolver(() => [GovernanceEvent], { description: "Every transition, oldest first." })
  history(@Root() application: ApplicationRecord, @Ctx() ctx: GovernanceContext): Promise<GovernanceEvent[]> {
    return ctx.history("APPLICATION").load(application.id);
  }
}
