import { DEMO_SEED } from "../../demo/enterprises.js";
import { seededRandom } from "../../demo/random.js";

/** Hourly multipliers a province's weather puts on its air, shared by all its stations. */
export interface WeatherSeries {
  /** On primary pollutants: > 1 in stagnant, inversion-bound spells, < 1 after fronts and rain. */
  readonly dispersion: Float64Array;
  /** On O3: sunny stagnant days make more, rainy ones less. */
  readonly ozone: Float64Array;
}

interface EpisodeKind {
  readonly weight: number;
  readonly hours: readonly [number, number];
  readonly particles: readonly [number, number];
  readonly ozone: readonly [number, number];
}

// Synoptic spells of a few days each: ordinary weather, static stable weather (静稳天气)
// that lets pollution build, cold fronts with strong wind that sweep it away, and rain.
const EPISODES: readonly EpisodeKind[] = [
  { weight: 4, hours: [24, 96], particles: [0.85, 1.15], ozone: [0.9, 1.1] },
  { weight: 2.2, hours: [48, 120], particles: [1.6, 2.4], ozone: [1.0, 1.2] },
  { weight: 1.6, hours: [18, 48], particles: [0.3, 0.55], ozone: [0.8, 1.0] },
  { weight: 1.6, hours: [24, 72], particles: [0.45, 0.7], ozone: [0.45, 0.7] },
];

// Weather changes over hours, not at once: each hour moves 1/8 of the way to the spell's level.
const SMOOTHING = 1 / 8;

function pickEpisode(u: number): EpisodeKind {
  const total = EPISODES.reduce((s, e) => s + e.weight, 0);
  let x = u * total;
  for (const e of EPISODES) {
    x -= e.weight;
    if (x < 0) return e;
  }
  return EPISODES[0]!;
}

/** The province's weather over `hours` hours; stagnation builds up less outside the north. */
export function weatherSeries(provinceCode: string, hours: number, north: boolean): WeatherSeries {
  const rng = seededRandom(`${DEMO_SEED}/atmosphere/weather/${provinceCode}`);
  const dispersion = new Float64Array(hours);
  const ozone = new Float64Array(hours);
  let level = 0;
  let ozoneLevel = 0;
  let hour = 0;
  while (hour < hours) {
    const kind = pickEpisode(rng.next());
    const length = rng.int(kind.hours[0], kind.hours[1]);
    let particles = kind.particles[0] + rng.next() * (kind.particles[1] - kind.particles[0]);
    if (!north && particles > 1) particles = 1 + (particles - 1) * 0.6;
    const target = Math.log(particles);
    const ozoneTarget = Math.log(kind.ozone[0] + rng.next() * (kind.ozone[1] - kind.ozone[0]));
    if (hour === 0) [level, ozoneLevel] = [target, ozoneTarget];
    for (const end = Math.min(hours, hour + length); hour < end; hour++) {
      level += (target - level) * SMOOTHING;
      ozoneLevel += (ozoneTarget - ozoneLevel) * SMOOTHING;
      dispersion[hour] = Math.exp(level);
      ozone[hour] = Math.exp(ozoneLevel);
    }
  }
  return { dispersion, ozone };
}
