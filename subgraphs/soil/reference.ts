import type { ReferenceResolvers } from "../_kit/unit.js";
import type { SoilContext } from "./context.js";

// Sites are this department's own entities, batched through the request's loader; an
// enterprise needs no lookup here — its key is all the sites loader needs.
export const references: ReferenceResolvers<SoilContext> = {
  ContaminatedSite: (ref, ctx) => ctx.site.load(String(ref["id"])),
  Enterprise: (ref) => ({ creditCode: String(ref["creditCode"]) }),
};
