import { HOUR_MS } from "../../demo/calendar.js";
import { DEMO_SEED } from "../../demo/enterprises.js";
import { seededRandom, type Random } from "../../demo/random.js";
import type { DemoNuclearFacility } from "./facilities.js";
import { FIRST_READING_AT, READING_HOURS } from "../../demo/reading-period.js";

// Terrestrial background by province, nGy/h (national survey ranges, cosmic part included):
// granite of the south-east coast is highest, alluvial plains of the north lowest.
const BACKGROUND: Readonly<Record<string, readonly [number, number]>> = {
  "440000": [95, 150], "350000": [100, 160], "450000": [85, 135], "460000": [80, 130], "330000": [80, 125],
  "430000": [80, 120], "320000": [60, 95], "370000": [60, 100], "210000": [65, 105], "110000": [60, 95],
  "150000": [70, 110], "510000": [70, 115], "610000": [70, 110], "620000": [75, 120],
};

/** Receives one hour's ambient gamma dose rate (air kerma rate), nGy/h. */
export type DoseSink = (at: number, doseRate: number) => void;

interface Shower {
  readonly start: number;
  readonly hours: number;
  /** Extra dose rate once the washed-out radon progeny have built up, nGy/h. */
  readonly peak: number;
}

// Rain washes radon progeny (²¹⁴Pb, ²¹⁴Bi) out of the air onto the ground: the dose rate
// rises by 10–40 nGy/h during a shower and falls back within hours after it (the
// progeny's effective half-life is about 40 minutes, so e-folding takes ≈ 0.9 h).
const BUILD_UP_HOURS = 1;
const DECAY_HOURS = 0.9;

function showers(rng: Random): Shower[] {
  const out: Shower[] = [];
  for (let hour = rng.int(0, 120); hour < READING_HOURS; hour += rng.int(48, 200)) {
    out.push({ start: hour, hours: rng.int(2, 9), peak: 10 + 30 * rng.next() });
  }
  return out;
}

function washout(showerList: readonly Shower[], hour: number): number {
  let extra = 0;
  for (const s of showerList) {
    const t = hour - s.start;
    if (t < 0) continue;
    const during = Math.min(t, s.hours);
    const built = s.peak * (1 - Math.exp(-during / BUILD_UP_HOURS));
    extra += t <= s.hours ? built : built * Math.exp(-(t - s.hours) / DECAY_HOURS);
  }
  return extra;
}

/** Simulates a facility's fence-line gamma monitor over the demo period, oldest hour first. */
export function simulateDoseRate(facility: DemoNuclearFacility, sink: DoseSink): void {
  const rng = seededRandom(`${DEMO_SEED}/nuclear/dose/${facility.id}`);
  const [low, high] = BACKGROUND[facility.provinceCode] ?? [60, 110];
  const background = low + (high - low) * rng.next();
  const rain = showers(rng);
  let drift = 0;
  for (let i = 0; i < READING_HOURS; i++) {
    const at = FIRST_READING_AT + i * HOUR_MS;
    const hour = (Math.round(at / HOUR_MS) + 8) % 24;
    // Radon progeny gather under the night inversion and disperse by afternoon: ±2 %.
    const daily = 1 + 0.02 * Math.cos(((hour - 5) / 24) * 2 * Math.PI);
    drift = 0.95 * drift + 0.01 * Math.sqrt(1 - 0.95 * 0.95) * rng.normal();
    const counting = 0.012 * rng.normal();
    const value = background * daily * (1 + drift + counting) + washout(rain, i);
    sink(at, Math.round(value * 10) / 10);
  }
}
