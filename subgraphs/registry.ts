import type { AnyUnit } from "./_kit/unit.js";
import { atmosphere } from "./atmosphere/index.js";
import { enforcement } from "./enforcement/index.js";
import { infoCenter } from "./info-center/index.js";
import { nuclear } from "./nuclear/index.js";
import { permits } from "./permits/index.js";
import { soil } from "./soil/index.js";
import { water } from "./water/index.js";

/**
 * The ministry's units, in start order. The order fixes each unit's port under
 * `npm start`: the gateway's port + 1 + its index (CONTRACT §1).
 */
export const UNITS: readonly AnyUnit[] = [infoCenter, permits, atmosphere, water, soil, enforcement, nuclear];

export function findUnit(code: string): AnyUnit | undefined {
  return UNITS.find((u) => u.code === code);
}
