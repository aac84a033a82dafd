import type { ReferenceResolvers } from "../_kit/unit.js";
import type { PermitsContext } from "./context.js";

// Enterprises are the info centre's: this unit only adds fields, so their reference is the
// key itself. Permits are this unit's own and are batched through the request's loader.
export const references: ReferenceResolvers<PermitsContext> = {
  Enterprise: (ref) => ({ creditCode: String(ref["creditCode"]) }),
  DischargePermit: (ref, ctx) => ctx.permit.load(String(ref["permitNumber"])),
};
