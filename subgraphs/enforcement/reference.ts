import type { ReferenceResolvers } from "../_kit/unit.js";
import type { EnforcementContext } from "./context.js";

// Enterprises are the info centre's: this unit only adds fields, so their reference is the
// key itself. Inspections are this unit's own and are batched through the request's loader.
export const references: ReferenceResolvers<EnforcementContext> = {
  Enterprise: (ref) => ({ creditCode: String(ref["creditCode"]) }),
  Inspection: (ref, ctx) => ctx.inspection.load(String(ref["id"])),
};
