import { Arg, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from "../_kit/type-graphql.js";
import { checkDivisionCode } from "../_kit/arguments.js";
import { DivisionReference } from "../_kit/division-reference.js";
import { ContaminatedSite, type ContaminatedSiteRow } from "./contaminated-site.js";
import type { SoilContext } from "./context.js";
import { Enterprise, type EnterpriseKey } from "./enterprise.js";

@Resolver(() => ContaminatedSite)
export class ContaminatedSiteResolver {
  @Directive("@share(class: UNCONDITIONAL)")
  @Query(() => [ContaminatedSite], { description: "Listed sites by id, optionally in one province." })
  contaminatedSites(
    @Arg("divisionCode", () => String, { nullable: true }) divisionCode: string | null,
    @Ctx() ctx: SoilContext,
  ): ContaminatedSiteRow[] {
    return ctx.repository.listSites(checkDivisionCode("divisionCode", divisionCode));
  }

  @Directive("@share(class: UNCONDITIONAL)")
  @Query(() => ContaminatedSite, { nullable: true, description: "A site by id; null when there is none." })
  contaminatedSite(@Arg("id", () => ID) id: string, @Ctx() ctx: SoilContext): Promise<ContaminatedSiteRow | null> {
    return ctx.site.load(id);
  }

  @FieldResolver(() => DivisionReference, { nullable: true })
  division(@Root() site: ContaminatedSiteRow): DivisionReference {
    return { code: site.divisionCode };
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: "The responsible enterprise; null for an orphan site." })
  enterprise(@Root() site: ContaminatedSiteRow): EnterpriseKey | null {
    return site.creditCode ? { creditCode: site.creditCode } : null;
  }
}
