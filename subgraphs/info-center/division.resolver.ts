import { Ctx, Directive, Query, Resolver } from "../_kit/type-graphql.js";
import type { InfoCenterContext } from "./context.js";
import { AdministrativeDivision } from "./division.js";

@Resolver(() => AdministrativeDivision)
export class DivisionResolver {
  @Directive("@share(class: UNCONDITIONAL)")
  @Query(() => [AdministrativeDivision], { description: "Province-level divisions (GB/T 2260)." })
  divisions(@Ctx() ctx: InfoCenterContext): AdministrativeDivision[] {
    return ctx.repository.listDivisions();
  }
}
