import { Arg, Ctx, Directive, FieldResolver, ID, Int, Query, Resolver, Root } from "../_kit/type-graphql.js";
import { DateTimeScalar } from "../../schema/scalars.js";
import { checkDivisionCode } from "../_kit/arguments.js";
import { DivisionReference } from "../_kit/division-reference.js";
import type { WaterContext } from "./context.js";
import { readingWindow } from "../_kit/reading-window.js";
import { WaterReading, type WaterReadingRow } from "./water-reading.js";
import { WaterSection, type WaterSectionRow } from "./water-section.js";

@Resolver(() => WaterSection)
export class WaterSectionResolver {
  @Directive("@share(class: UNCONDITIONAL)")
  @Query(() => [WaterSection], { description: "Monitoring sections by id, optionally in one province." })
  waterSections(
    @Arg("divisionCode", () => String, { nullable: true }) divisionCode: string | null,
    @Ctx() ctx: WaterContext,
  ): WaterSectionRow[] {
    return ctx.repository.listSections(checkDivisionCode("divisionCode", divisionCode));
  }

  @Directive("@share(class: UNCONDITIONAL)")
  @Query(() => WaterSection, { nullable: true, description: "A section by id; null when there is none." })
  waterSection(@Arg("id", () => ID) id: string, @Ctx() ctx: WaterContext): Promise<WaterSectionRow | null> {
    return ctx.section.load(id);
  }

  @FieldResolver(() => DivisionReference, { nullable: true })
  division(@Root() section: WaterSectionRow): DivisionReference {
    return { code: section.divisionCode };
  }

  @FieldResolver(() => [WaterReading], { description: "Readings newest first: the last `last` (default 24, at most 500) in [from, to]." })
  readings(
    @Root() section: WaterSectionRow,
    @Arg("from", () => DateTimeScalar, { nullable: true }) from: string | null,
    @Arg("to", () => DateTimeScalar, { nullable: true }) to: string | null,
    @Arg("last", () => Int, { nullable: true }) last: number | null,
    @Ctx() ctx: WaterContext,
  ): Promise<WaterReadingRow[]> {
    return ctx.readings(readingWindow(from, to, last)).load(section.id);
  }
}
