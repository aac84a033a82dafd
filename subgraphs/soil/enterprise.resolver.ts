import { Ctx, FieldResolver, Resolver, Root } from "../_kit/type-graphql.js";
import { ContaminatedSite, type ContaminatedSiteRow } from "./contaminated-site.js";
import type { SoilContext } from "./context.js";
import { Enterprise, type EnterpriseKey } from "./enterprise.js";

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @FieldResolver(() => [ContaminatedSite], { nullable: true, description: "Listed sites it answers for; empty when none." })
  contaminatedSites(@Root() enterprise: EnterpriseKey, @Ctx() ctx: SoilContext): Promise<ContaminatedSiteRow[]> {
    return ctx.enterpriseSites.load(enterprise.creditCode);
  }
}
