import { isPastDue } from "../../governance/deadline-outcome.js";
import { Arg, Ctx, Directive, FieldResolver, Int, Mutation, Query, Resolver, Root } from "../_kit/type-graphql.js";
import { CatalogChange, type CatalogChangeRecord } from "./catalog-change.js";
import { changeTask } from "./catalog-change-repository.js";
import { requesterOf, type GovernanceContext } from "./context.js";
import { GovernanceEvent } from "./governance-event.js";
import { GOVERNANCE_SHARE } from "./governance-share.js";

/** Art. 12: each unit confirms, within 15 working days, that its catalog is up to date after a change. */
@Resolver(() => CatalogChange)
export class CatalogChangeResolver {
  @Directive(GOVERNANCE_SHARE)
  @Mutation(() => CatalogChange, { description: "The requester's unit's approver confirms its catalog is up to date after a version's change (Art. 12)." })
  confirmCatalogUpdate(@Arg("version", () => Int) version: number, @Ctx() ctx: GovernanceContext): CatalogChangeRecord {
    return ctx.store.oversight.catalogService.confirm(requesterOf(ctx), version, ctx.now);
  }

  @Directive(GOVERNANCE_SHARE)
  @Query(() => [CatalogChange], { description: "Catalog changes, newest first. Public, like the catalog diffs they come from." })
  catalogChanges(
    @Arg("unit", () => String, { nullable: true }) unit: string | null,
    @Arg("version", () => Int, { nullable: true }) version: number | null,
    @Arg("overdue", () => Boolean, { nullable: true, description: "Unconfirmed past their dueBy (true), or not (false)." }) overdue: boolean | null,
    @Ctx() ctx: GovernanceContext,
  ): CatalogChangeRecord[] {
    requesterOf(ctx); // every authenticated requester, and only those
    const changes = ctx.store.oversight.catalogChanges.list({ unit, version });
    const wanted = overdue ?? null;
    return wanted === null ? changes : changes.filter((c) => isPastDue(changeTask(c), ctx.today) === wanted);
  }

  @FieldResolver(() => Boolean, { description: "Unconfirmed, and today (Asia/Shanghai) is past its dueBy." })
  overdue(@Root() change: CatalogChangeRecord, @Ctx() ctx: GovernanceContext): boolean {
    return isPastDue(changeTask(change), ctx.today);
  }

  @FieldResolver(() => [GovernanceEvent], { description: "Its recording and its confirmation." })
  history(@Root() change: CatalogChangeRecord, @Ctx() ctx: GovernanceContext): Promise<GovernanceEvent[]> {
    return ctx.history("CATALOG_CHANGE").load(change.id);
  }
}
