import type { AnyUnit } from "./_kit/unit.js";
import { infoCenter } from "./info-center/index.js";

/**
 * The ministry's units, in start order. The order fixes each unit's port under
 * `npm start`: the gateway's port + 1 + its index (CONTRACT §1).
 */
export const UNITS: readonly AnyUnit[] = [infoCenter];

export function findUnit(code: string): AnyUnit | undefined {
  return UNITS.find((u) => u.code === code);
}
