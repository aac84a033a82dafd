import { Arg, Ctx, Directive, FieldResolver, ID, Int, Query, Resolver, Root } from "../_kit/type-graphql.js";
import { DateTimeScalar } from "../../schema/scalars.js";
import { DivisionReference } from "../_kit/division-reference.js";
import type { NuclearContext } from "./context.js";
import { NuclearFacility, type NuclearFacilityRow } from "./nuclear-facility.js";
import { RadiationReading } from "./radiation-reading.js";
import { readingWindow } from "../_kit/reading-window.js";

@Resolver(() => NuclearFacility)
export class NuclearFacilityResolver {
  @Directive("@share(class: UNCONDITIONAL)")
  @Query(() => [NuclearFacility], { description: "Civil nuclear facilities under licence, by id." })
  nuclearFacilities(@Ctx() ctx: NuclearContext): NuclearFacilityRow[] {
    return ctx.repository.listFacilities();
  }

  @Directive("@share(class: UNCONDITIONAL)")
  @Query(() => NuclearFacility, { nullable: true, description: "A facility by id; null when there is none." })
  nuclearFacility(@Arg("id", () => ID) id: string, @Ctx() ctx: NuclearContext): Promise<NuclearFacilityRow | null> {
    return ctx.facility.load(id);
  }

  @FieldResolver(() => DivisionReference, { nullable: true })
  division(@Root() facility: NuclearFacilityRow): DivisionReference {
    return { code: facility.divisionCode };
  }

  @FieldResolver(() => [RadiationReading], {
    description: "Hourly dose rates, newest first: the newest `last` (default 24, at most 500) in [from, to].",
  })
  readings(
    @Root() facility: NuclearFacilityRow,
    @Arg("from", () => DateTimeScalar, { nullable: true }) from: string | null,
    @Arg("to", () => DateTimeScalar, { nullable: true }) to: string | null,
    @Arg("last", () => Int, { nullable: true }) last: number | null,
    @Ctx() ctx: NuclearContext,
  ): Promise<RadiationReading[]> {
    return ctx.readings(readingWindow(from, to, last)).load(facility.id);
  }
}
