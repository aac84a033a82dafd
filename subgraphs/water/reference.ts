import type { ReferenceResolvers } from "../_kit/unit.js";
import type { WaterContext } from "./context.js";

// Sections are this department's own entities, batched through the request's loader; an
// enterprise needs no lookup here — its key is all the outfalls loader needs.
export const references: ReferenceResolvers<WaterContext> = {
  WaterSection: (ref, ctx) => ctx.section.load(String(ref["id"])),
  Enterprise: (ref) => ({ creditCode: String(ref["creditCode"]) }),
};
