import type { ReferenceResolvers } from "../_kit/unit.js";
import type { NuclearContext } from "./context.js";

// N facility representations are one query through the request's loader.
export const references: ReferenceResolvers<NuclearContext> = {
  NuclearFacility: (ref, ctx) => ctx.facility.load(String(ref["id"])),
};
