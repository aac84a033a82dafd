import { Arg, Ctx, Directive, FieldResolver, ID, Int, Query, Resolver, Root } from "../_kit/type-graphql.js";
import { DateTimeScalar } from "../../schema/scalars.js";
import { checkDivisionCode } from "../_kit/arguments.js";
import { DivisionReference } from "../_kit/division-reference.js";
import { AirReading } from "./air-reading.js";
import { AirStation, type AirStationRow } from "./air-station.js";
import type { AtmosphereContext } from "./context.js";
import { readingWindow } from "../_kit/reading-window.js";

@Resolver(() => AirStation)
export class AirStationResolver {
  @Directive("@share(class: UNCONDITIONAL)")
  // Every station when no province is given: far more than the gateway's default list size.
  @Directive("@listSize(assumedSize: 100)")
  @Query(() => [AirStation], { description: "Air monitoring stations by site code, optionally in one province." })
  airStations(
    @Arg("divisionCode", () => String, { nullable: true }) divisionCode: string | null,
    @Ctx() ctx: AtmosphereContext,
  ): AirStationRow[] {
    return ctx.repository.listStations(checkDivisionCode("divisionCode", divisionCode));
  }

  @Directive("@share(class: UNCONDITIONAL)")
  @Query(() => AirStation, { nullable: true, description: "A station by site code; null when there is none." })
  airStation(@Arg("id", () => ID) id: string, @Ctx() ctx: AtmosphereContext): Promise<AirStationRow | null> {
    return ctx.station.load(id);
  }

  @FieldResolver(() => DivisionReference, { nullable: true })
  division(@Root() station: AirStationRow): DivisionReference {
    return { code: station.divisionCode };
  }

  @Directive('@listSize(assumedSize: 24, slicingArguments: ["last"], requireOneSlicingArgument: false)')
  @FieldResolver(() => [AirReading], { description: "Hourly readings, newest first: the newest `last` (default 24, at most 500) in [from, to]." })
  readings(
    @Root() station: AirStationRow,
    @Arg("from", () => DateTimeScalar, { nullable: true }) from: string | null,
    @Arg("to", () => DateTimeScalar, { nullable: true }) to: string | null,
    @Arg("last", () => Int, { nullable: true }) last: number | null,
    @Ctx() ctx: AtmosphereContext,
  ): Promise<AirReading[]> {
    return ctx.readings(readingWindow(from, to, last)).load(station.id);
  }
}
