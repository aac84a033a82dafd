import { DAY_MS, DEMO_END, HOUR_MS, shanghaiHour } from "../../demo/calendar.js";
import { DEMO_SEED } from "../../demo/enterprises.js";
import { seededRandom } from "../../demo/random.js";
import type { DemoSection } from "./demo-sections.js";
import { CLASS_LIMITS } from "./quality-class.js";
import type { WaterMeasurements } from "./water-reading.js";

/** Automatic stations (水质自动监测站) report every 4 hours; the demo keeps 30 days of them. */
export const READING_INTERVAL_MS = 4 * HOUR_MS;
export const READING_DAYS = 30;
export const READINGS_PER_SECTION = (READING_DAYS * DAY_MS) / READING_INTERVAL_MS;

export interface DemoReading extends WaterMeasurements {
  readonly at: number;
}

type Indicator = "dissolvedOxygen" | "permanganateIndex" | "ammoniaNitrogen" | "totalPhosphorus";

// Values at quality levels 0…6: the GB 3838 class limits sit at levels 1…5, so a level in
// (k, k+1] gives a value of class k+1. Levels 0 and 6 are a clean and a badly polluted water.
const COD_MN = [1.0, ...CLASS_LIMITS.permanganateIndex, 25];
const NH3_N = [0.05, ...CLASS_LIMITS.ammoniaNitrogen, 5.0];
const TP = {
  河流: [0.01, ...CLASS_LIMITS.totalPhosphorus.河流, 0.9],
  湖库: [0.005, ...CLASS_LIMITS.totalPhosphorus.湖库, 0.45],
};
/** DO at 20 °C; colder water holds more, so it is scaled by saturation. */
const DO_AT_20 = [9.0, ...CLASS_LIMITS.dissolvedOxygen, 0.8];

// Which indicator decides a section's class, weighted as in MEE's reports, where TP,
// CODMn and NH3-N are the leading pollutants and low DO marks the worst urban rivers.
const DOMINANT: readonly [Indicator, number][] = [
  ["totalPhosphorus", 0.35], ["permanganateIndex", 0.25], ["ammoniaNitrogen", 0.2], ["dissolvedOxygen", 0.2],
];

/**
 * A section's readings, oldest first, every 4 hours up to DEMO_END. Quality wanders around
 * the section's level (an AR(1) drift shared by all indicators, as after a rain); DO and pH
 * peak in the afternoon from photosynthesis; temperature falls through October.
 */
export function demoReadings(section: DemoSection, octoberTemperature: number): DemoReading[] {
  const rng = seededRandom(`${DEMO_SEED}/water/readings/${section.id}`);
  const dominant = pickDominant(rng.next());
  const level = (indicator: Indicator): number =>
    indicator === dominant ? section.level : Math.max(0.05, section.level - 0.3 - 0.9 * rng.next());
  const levels: Record<Indicator, number> = {
    dissolvedOxygen: level("dissolvedOxygen"),
    permanganateIndex: level("permanganateIndex"),
    ammoniaNitrogen: level("ammoniaNitrogen"),
    totalPhosphorus: level("totalPhosphorus"),
  };
  const temperatureOffset = 1.2 * rng.normal();
  const phBase = clamp(7.7 + 0.25 * rng.normal(), 6.9, 8.4);
  // Eutrophic water swings more between day and night.
  const amplitude = 0.25 + 0.12 * clamp(levels.totalPhosphorus, 0, 6);
  let drift = 0.25 * rng.normal();
  const out: DemoReading[] = [];
  for (let k = READINGS_PER_SECTION - 1; k >= 0; k--) {
    const at = DEMO_END - k * READING_INTERVAL_MS;
    const daysBeforeEnd = (k * READING_INTERVAL_MS) / DAY_MS;
    // Peaks mid-afternoon (15:00), lowest before dawn.
    const daily = Math.cos((2 * Math.PI * (shanghaiHour(at) - 15)) / 24);
    drift = 0.9 * drift + 0.12 * rng.normal();
    const q = (indicator: Indicator): number => levels[indicator] + drift + 0.12 * rng.normal();
    const temperature = Math.max(0.5, octoberTemperature + temperatureOffset + 0.15 * (daysBeforeEnd - 15) + 0.5 * daily + 0.2 * rng.normal());
    const saturation = oxygenSaturation(temperature);
    const dissolvedOxygen = clamp(
      interpolate(DO_AT_20, q("dissolvedOxygen")) * (saturation / oxygenSaturation(20)) + amplitude * daily + 0.1 * rng.normal(),
      0.2,
      1.3 * saturation,
    );
    out.push({
      at,
      ph: round(clamp(phBase + 0.15 * amplitude * daily + 0.04 * rng.normal(), 6.5, 9.2), 2),
      dissolvedOxygen: round(dissolvedOxygen, 2),
      permanganateIndex: round(interpolate(COD_MN, q("permanganateIndex")), 1),
      ammoniaNitrogen: round(interpolate(NH3_N, q("ammoniaNitrogen")), 3),
      totalPhosphorus: round(interpolate(TP[section.body], q("totalPhosphorus")), 3),
      temperature: round(temperature, 1),
    });
  }
  return out;
}

function pickDominant(u: number): Indicator {
  let x = u;
  for (const [indicator, weight] of DOMINANT) {
    x -= weight;
    if (x < 0) return indicator;
  }
  return DOMINANT[0]![0];
}

/** Oxygen solubility in fresh water, mg/L (Elmore & Hayes polynomial, as in APHA tables). */
function oxygenSaturation(celsius: number): number {
  return 14.652 - 0.41022 * celsius + 0.007991 * celsius ** 2 - 0.000077774 * celsius ** 3;
}

// Linear between the points; past either end it continues geometrically, so values stay
// positive and a very clean or very dirty water is not stuck at the end point.
function interpolate(points: readonly number[], level: number): number {
  const last = points.length - 1;
  if (level < 0) return points[0]! * (points[0]! / points[1]!) ** -level;
  if (level > last) return points[last]! * (points[last]! / points[last - 1]!) ** Math.min(level - last, 1);
  const i = Math.min(Math.floor(level), last - 1);
  return points[i]! + (points[i + 1]! - points[i]!) * (level - i);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
