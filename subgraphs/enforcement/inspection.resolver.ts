import { Arg, Ctx, Directive, ID, Query, Resolver } from "../_kit/type-graphql.js";
import { badUserInput } from "../../schema/errors.js";
import type { EnforcementContext } from "./context.js";
import { Inspection, type InspectionRow } from "./inspection.js";
import { INSPECTION_SHARE } from "./inspection-share.js";
import { isInspectionId } from "./record-id.js";
import { quoteInput } from "../../domain/quote-input.js";

@Resolver(() => Inspection)
export class InspectionResolver {
  // The same conditions as the type: a root field must not open what the type withholds.
  @Directive(INSPECTION_SHARE)
  @Query(() => Inspection, { nullable: true, description: "An inspection by id; null when there is none." })
  inspection(@Arg("id", () => ID) id: string, @Ctx() ctx: EnforcementContext): Promise<InspectionRow | null> {
    if (!isInspectionId(id)) throw badUserInput("id", `must be "JC", a year and a 6-digit serial, got ${quoteInput(id)}`);
    return ctx.inspection.load(id);
  }
}
