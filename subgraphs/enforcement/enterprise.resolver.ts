import { Ctx, Directive, FieldResolver, Resolver, Root } from "../_kit/type-graphql.js";
import type { EnforcementContext } from "./context.js";
import { Enterprise } from "./enterprise.js";
import { Inspection, type InspectionRow } from "./inspection.js";
import { INSPECTION_SHARE } from "./inspection-share.js";
import { Penalty, type PenaltyRow } from "./penalty.js";

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  // Penalty decisions are public administrative information (Art. 16(2)).
  @Directive("@share(class: UNCONDITIONAL)")
  @FieldResolver(() => [Penalty], { nullable: true, description: "Penalty decisions against the enterprise, newest first." })
  penalties(@Root() enterprise: Enterprise, @Ctx() ctx: EnforcementContext): Promise<PenaltyRow[]> {
    return ctx.penaltiesOfEnterprise.load(enterprise.creditCode);
  }

  @Directive(INSPECTION_SHARE)
  @FieldResolver(() => [Inspection], { nullable: true, description: "On-site inspections of the enterprise, newest first." })
  inspections(@Root() enterprise: Enterprise, @Ctx() ctx: EnforcementContext): Promise<InspectionRow[]> {
    return ctx.inspectionsOfEnterprise.load(enterprise.creditCode);
  }
}
