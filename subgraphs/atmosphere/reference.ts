import type { ReferenceResolvers } from "../_kit/unit.js";
import type { AtmosphereContext } from "./context.js";

export const references: ReferenceResolvers<AtmosphereContext> = {
  // The unit keeps no registrations: any enterprise resolves, its fields come from loaders.
  Enterprise: (ref) => ({ creditCode: String(ref["creditCode"]) }),
  // N station representations are one query through the request's loader.
  AirStation: (ref, ctx) => ctx.station.load(String(ref["id"])),
};
