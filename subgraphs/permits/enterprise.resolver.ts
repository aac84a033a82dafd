import { Ctx, Directive, FieldResolver, Resolver, Root } from "../_kit/type-graphql.js";
import type { PermitsContext } from "./context.js";
import { DischargePermit, type DischargePermitRow } from "./discharge-permit.js";
import { Enterprise } from "./enterprise.js";

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  // Administrative licensing information is shared unconditionally (Art. 16(2)).
  @Directive("@share(class: UNCONDITIONAL)")
  @FieldResolver(() => DischargePermit, { nullable: true, description: "The enterprise's current discharge permit, if any." })
  permit(@Root() enterprise: Enterprise, @Ctx() ctx: PermitsContext): Promise<DischargePermitRow | null> {
    return ctx.permitOfEnterprise.load(enterprise.creditCode);
  }
}
