import { Ctx, FieldResolver, Resolver, Root } from "../_kit/type-graphql.js";
import type { WaterContext } from "./context.js";
import { Enterprise, type EnterpriseKey } from "./enterprise.js";
import { Outfall, type OutfallRow } from "./outfall.js";

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @FieldResolver(() => [Outfall], { nullable: true, description: "Wastewater outfalls; empty when it discharges none." })
  outfalls(@Root() enterprise: EnterpriseKey, @Ctx() ctx: WaterContext): Promise<OutfallRow[]> {
    return ctx.outfalls.load(enterprise.creditCode);
  }
}
