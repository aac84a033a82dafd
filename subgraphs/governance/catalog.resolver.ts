import { Arg, Ctx, Directive, FieldResolver, Int, Mutation, Query, Resolver, Root } from "../_kit/type-graphql.js";
import { Catalog, type CatalogView } from "./catalog-view.js";
import { CatalogVersion, type CatalogVersionView } from "./catalog-version.js";
import { requesterOf, type GovernanceContext } from "./context.js";
import { GovernanceEvent } from "./governance-event.js";
import { GOVERNANCE_SHARE } from "./governance-share.js";

/** The resource catalog (Art. 10–14): what every requester may read, its versions and their publication. */
@Resolver(() => CatalogVersion)
export class CatalogResolver {
  @Directive(GOVERNANCE_SHARE)
  @Query(() => Catalog, {
    description: "The catalog published last (the latest draft while none is), each item saying whether the requester can read it now and how to apply if not.",
  })
  catalog(
    @Arg("unit", () => String, { nullable: true, description: "Only the items this unit owns." }) unit: string | null,
    @Arg("resource", () => String, { nullable: true, description: "Only this resource." }) resource: string | null,
    @Arg("version", () => Int, { nullable: true, description: "This version instead, published or not." }) version: number | null,
    @Ctx() ctx: GovernanceContext,
  ): CatalogView {
    return ctx.store.oversight.catalogReader.read(requesterOf(ctx), { unit: unit ?? null, resource: resource ?? null, version: version ?? null }, ctx.today);
  }

  @Directive(GOVERNANCE_SHARE)
  @Query(() => [CatalogVersion], { description: "Every catalog version, newest first, with its diff and what it changed of each unit (Art. 12)." })
  catalogVersions(@Ctx() ctx: GovernanceContext): CatalogVersionView[] {
    requesterOf(ctx); // every authenticated requester, and only those
    return ctx.store.oversight.catalogService.list();
  }

  @Directive(GOVERNANCE_SHARE)
  @Mutation(() => CatalogVersion, { description: "The leading group publishes a draft catalog version (Art. 11)." })
  publishCatalog(@Arg("version", () => Int) version: number, @Ctx() ctx: GovernanceContext): CatalogVersionView {
    return ctx.store.oversight.catalogService.publish(requesterOf(ctx), version, ctx.now);
  }

  @FieldResolver(() => [GovernanceEvent], { description: "Its recording and its publication." })
  history(@Root() version: CatalogVersionView, @Ctx() ctx: GovernanceContext): Promise<GovernanceEvent[]> {
    return ctx.history("CATALOG_VERSION").load(String(version.version));
  }
}
