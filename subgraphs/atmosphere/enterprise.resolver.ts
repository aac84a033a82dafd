import { Ctx, FieldResolver, Resolver, Root } from "../_kit/type-graphql.js";
import type { AtmosphereContext } from "./context.js";
import { EmissionRecord } from "./emission-record.js";
import { Enterprise } from "./enterprise.js";

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @FieldResolver(() => [EmissionRecord], {
    nullable: true,
    description: "Monthly air emissions of the 12 months before now; empty for enterprises that emit none to air.",
  })
  emissions(@Root() enterprise: Enterprise, @Ctx() ctx: AtmosphereContext): Promise<EmissionRecord[]> {
    return ctx.emissions.load(enterprise.creditCode);
  }
}
