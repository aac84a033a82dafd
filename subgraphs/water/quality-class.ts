/**
 * GB 3838-2002 (地表水环境质量标准) Table 1: the class limits of the four indicators
 * China's surface-water assessment uses for a section's class. Single-factor method
 * (《地表水环境质量评价办法（试行）》): the section takes the worst class any indicator reaches.
 */
export const SURFACE_WATER_CLASSES = ["I", "II", "III", "IV", "V", "劣V"] as const;
export type SurfaceWaterClass = (typeof SURFACE_WATER_CLASSES)[number];

/** Rivers and lakes/reservoirs: GB 3838 sets stricter total-phosphorus limits for 湖、库. */
export type WaterBody = "河流" | "湖库";

/** Limits of classes I–V, in mg/L; a value past the class V limit is 劣V. */
export const CLASS_LIMITS = {
  /** Minimum (≥). Class I also allows 90 % saturation; the 7.5 mg/L figure is used here. */
  dissolvedOxygen: [7.5, 6, 5, 3, 2],
  /** Maximum (≤), CODMn. */
  permanganateIndex: [2, 4, 6, 10, 15],
  /** Maximum (≤), NH3-N. */
  ammoniaNitrogen: [0.15, 0.5, 1.0, 1.5, 2.0],
  /** Maximum (≤), TP as P. */
  totalPhosphorus: {
    河流: [0.02, 0.1, 0.2, 0.3, 0.4],
    湖库: [0.01, 0.025, 0.05, 0.1, 0.2],
  },
} as const;

export interface ClassedIndicators {
  readonly dissolvedOxygen: number;
  readonly permanganateIndex: number;
  readonly ammoniaNitrogen: number;
  readonly totalPhosphorus: number;
}

/** The GB 3838-2002 class of one reading: the worst of DO, CODMn, NH3-N and TP. */
export function surfaceWaterClass(values: ClassedIndicators, body: WaterBody): SurfaceWaterClass {
  const worst = Math.max(
    classAtLeast(values.dissolvedOxygen, CLASS_LIMITS.dissolvedOxygen),
    classAtMost(values.permanganateIndex, CLASS_LIMITS.permanganateIndex),
    classAtMost(values.ammoniaNitrogen, CLASS_LIMITS.ammoniaNitrogen),
    classAtMost(values.totalPhosphorus, CLASS_LIMITS.totalPhosphorus[body]),
  );
  return SURFACE_WATER_CLASSES[worst]!;
}

function classAtMost(value: number, limits: readonly number[]): number {
  const index = limits.findIndex((limit) => value <= limit);
  return index === -1 ? limits.length : index;
}

function classAtLeast(value: number, limits: readonly number[]): number {
  const index = limits.findIndex((limit) => value >= limit);
  return index === -1 ? limits.length : index;
}
