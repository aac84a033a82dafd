import type { ReferenceResolvers } from "../_kit/unit.js";
import type { InfoCenterContext } from "./context.js";

// Entities the info centre originates; representations from other units are batched
// through the request's loaders, so N representations cost one query.
export const references: ReferenceResolvers<InfoCenterContext> = {
  Enterprise: (ref, ctx) => ctx.enterprise.load(String(ref["creditCode"])),
  AdministrativeDivision: (ref, ctx) => ctx.division.load(String(ref["code"])),
};
