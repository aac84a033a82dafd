import type { AnyUnit } from "./_kit/unit.js";

// Each unit is loaded on demand: a unit's process loads its own code, not the other six.
const LOADERS = {
  "info-center": async () => (await import("./info-center/index.js")).infoCenter,
  permits: async () => (await import("./permits/index.js")).permits,
  atmosphere: async () => (await import("./atmosphere/index.js")).atmosphere,
  water: async () => (await import("./water/index.js")).water,
  soil: async () => (await import("./soil/index.js")).soil,
  enforcement: async () => (await import("./enforcement/index.js")).enforcement,
  nuclear: async () => (await import("./nuclear/index.js")).nuclear,
  audit: async () => (await import("./audit/index.js")).audit,
  governance: async () => (await import("./governance/index.js")).governance,
} satisfies Record<string, () => Promise<AnyUnit>>;

/**
 * The ministry's units, in start order. The order fixes each unit's port under
 * `npm start`: the gateway's port + 1 + its index (CONTRACT §1).
 */
export const UNIT_CODES = Object.keys(LOADERS) as readonly string[];

export function isUnitCode(code: string): code is keyof typeof LOADERS {
  return Object.hasOwn(LOADERS, code);
}

export function loadUnit(code: string): Promise<AnyUnit> {
  if (!isUnitCode(code)) throw new Error(`unknown unit "${code}"`);
  return LOADERS[code]();
}

/** Every unit, in start order. */
export function loadUnits(): Promise<AnyUnit[]> {
  return Promise.all(UNIT_CODES.map(loadUnit));
}
