import { DEMO_END, shanghaiDate } from "../../demo/calendar.js";
import { DEMO_SEED, type DemoEnterprise } from "../../demo/enterprises.js";
import { seededRandom } from "../../demo/random.js";

/** The four air pollutants under total-emission control that permits report monthly. */
export const EMISSION_POLLUTANTS = ["二氧化硫", "氮氧化物", "颗粒物", "挥发性有机物"] as const;
export type EmissionPollutant = (typeof EMISSION_POLLUTANTS)[number];

type Range = readonly [number, number] | null;

// Annual tonnes per pollutant [SO2, NOx, PM, VOCs] of one plant, by industry; null where
// the pollutant is not characteristic (a coal power plant reports no VOCs, a car plant's
// paint shop little SO2). Orders of magnitude after ultra-low-emission retrofits.
const ANNUAL_TONNES: Readonly<Record<string, readonly [Range, Range, Range, Range]>> = {
  火力发电: [[150, 1200], [250, 1800], [25, 180], null],
  钢铁冶炼: [[250, 1800], [400, 2600], [300, 2200], [40, 250]],
  水泥制造: [[40, 350], [300, 1400], [80, 500], null],
  石油化工: [[80, 700], [150, 1000], [25, 180], [300, 2200]],
  化学原料制造: [[15, 250], [25, 250], [8, 90], [50, 550]],
  化学药品制造: [[2, 25], [4, 40], [1, 15], [20, 180]],
  生活垃圾焚烧: [[15, 120], [80, 450], [4, 25], null],
  有色金属冶炼: [[250, 2500], [40, 350], [40, 350], null],
  汽车制造: [[0.5, 8], [4, 35], [4, 35], [90, 700]],
};

/** The share of a year's output each calendar month carries (index 0 = January). */
function monthlyShape(industry: string, north: boolean): readonly number[] {
  // The Spring Festival idles most plants for part of February.
  const shape = [1, 0.8, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
  if (industry === "火力发电") {
    // Winter heating and summer air conditioning load the grid most.
    for (const m of [0, 11]) shape[m] = 1.2;
    shape[1] = 1.1;
    for (const m of [6, 7]) shape[m] = 1.15;
    for (const m of [3, 4, 9]) shape[m] = 0.9;
  }
  if (industry === "水泥制造" && north) {
    // Staggered production (错峰生产) halts northern clinker lines over the heating season.
    for (const m of [0, 1, 11]) shape[m] = 0.35;
  }
  const total = shape.reduce((s, x) => s + x, 0);
  return shape.map((x) => x / total);
}

/** The 12 reporting months before DEMO_END, oldest first, `YYYY-MM`. */
export function emissionMonths(): string[] {
  const [year, month] = shanghaiDate(DEMO_END).split("-").map(Number) as [number, number];
  return Array.from({ length: 12 }, (_, i) => {
    const index = year * 12 + (month - 1) - 12 + i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
  });
}

/** True when the enterprise's industry emits to air, so the unit holds its monthly records. */
export function emitsToAir(enterprise: DemoEnterprise): boolean {
  return enterprise.media.includes("air") && enterprise.industry in ANNUAL_TONNES;
}

/** An air-emitting enterprise's monthly emissions, month by month in pollutant order. */
export function simulateEmissions(
  enterprise: DemoEnterprise,
  north: boolean,
  sink: (month: string, pollutant: EmissionPollutant, tonnes: number) => void,
): void {
  const ranges = ANNUAL_TONNES[enterprise.industry];
  if (!ranges || !enterprise.media.includes("air")) return;
  const rng = seededRandom(`${DEMO_SEED}/atmosphere/emissions/${enterprise.creditCode}`);
  const size = rng.next(); // one plant is big in every pollutant, not big in one and small in another
  const annual = ranges.map((r) => (r ? r[0] * (r[1] / r[0]) ** Math.min(1, Math.max(0, size + 0.15 * rng.normal())) : null));
  const shape = monthlyShape(enterprise.industry, north);
  // Most plants stop one month a year for overhaul (检修).
  const overhaul = rng.chance(0.6) ? rng.int(0, 11) : -1;
  for (const [i, month] of emissionMonths().entries()) {
    const calendarMonth = Number(month.slice(5)) - 1;
    const load = shape[calendarMonth]! * (i === overhaul ? 0.3 : 1) * Math.exp(0.08 * rng.normal());
    annual.forEach((tonnes, p) => {
      if (tonnes !== null) sink(month, EMISSION_POLLUTANTS[p]!, Math.round(tonnes * load * 1000) / 1000);
    });
  }
}
