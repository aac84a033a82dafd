import { HOUR_MS } from "../../demo/calendar.js";
import { DEMO_SEED } from "../../demo/enterprises.js";
import { seededRandom, type Random } from "../../demo/random.js";
import { airClimate, lateAutumn, seasonalFactor } from "./air-climate.js";
import { CO_CYCLE, NO2_CYCLE, OZONE_CYCLE, PARTICLE_CYCLE, SO2_CYCLE } from "./daily-cycle.js";
import { FIRST_READING_AT, READING_HOURS } from "../../demo/reading-period.js";
import type { DemoAirStation } from "./stations.js";
import type { WeatherSeries } from "./weather-episodes.js";

/** Receives one hour's concentrations: µg/m³, CO in mg/m³, rounded as the network reports them. */
export type HourSink = (at: number, pm25: number, pm10: number, so2: number, no2: number, o3: number, co: number) => void;

/**
 * Hour-to-hour noise that persists (an AR(1) process in log space), so a reading
 * resembles the hour before it as real analyser data does.
 */
class Persistent {
  private state = 0;
  constructor(
    private readonly rng: Random,
    private readonly sigma: number,
    private readonly phi = 0.9,
  ) {}
  next(): number {
    this.state = this.phi * this.state + this.sigma * Math.sqrt(1 - this.phi * this.phi) * this.rng.normal();
    return Math.exp(this.state);
  }
}

const whole = (x: number, min: number): number => Math.max(min, Math.round(x));
const tenth = (x: number): number => Math.max(0.1, Math.round(x * 10) / 10);

/** Simulates a station's hourly air over the demo period, oldest hour first. */
export function simulateStation(station: DemoAirStation, weather: WeatherSeries, sink: HourSink): void {
  const rng = seededRandom(`${DEMO_SEED}/atmosphere/readings/${station.id}`);
  const climate = airClimate(station.provinceCode);
  // Where the analyser stands: near a road or in a park makes a lasting difference.
  const site = Math.exp(0.15 * rng.normal());
  const no2Base = (16 + 3 * station.activity) * Math.exp(0.15 * rng.normal());
  const coBase = (0.35 + 0.04 * station.activity) * (climate.north ? 1.2 : 1) * Math.exp(0.1 * rng.normal());
  const particles = new Persistent(rng, 0.25);
  const coarse = new Persistent(rng, 0.12, 0.7);
  const no2 = new Persistent(rng, 0.2);
  const so2 = new Persistent(rng, 0.3);
  const co = new Persistent(rng, 0.15);
  const ozone = new Persistent(rng, 0.15, 0.8);
  let sunshine = 1;
  for (let i = 0; i < READING_HOURS; i++) {
    const at = FIRST_READING_AT + i * HOUR_MS;
    const hour = (Math.round(at / HOUR_MS) + 8) % 24;
    // A fresh day: clear or hazy skies change how much O3 the afternoon makes.
    if (hour === 0 || i === 0) sunshine = Math.exp(0.15 * rng.normal());
    const season = seasonalFactor(climate, at);
    const stagnation = weather.dispersion[i]!;
    const pm25 = climate.pm25 * season * stagnation * site * PARTICLE_CYCLE[hour]! * particles.next();
    const pm10 = Math.max((pm25 / climate.fineRatio) * coarse.next(), pm25 * 1.05);
    sink(
      at,
      whole(pm25, 2),
      whole(pm10, 3),
      // Coal heating in the north adds SO2 as the season turns.
      whole(climate.so2 * (1 + 0.8 * (season - 1)) * Math.sqrt(stagnation) * SO2_CYCLE[hour]! * so2.next(), 2),
      whole(no2Base * (1 + 0.3 * (season - 1)) * stagnation ** 0.6 * NO2_CYCLE[hour]! * no2.next(), 2),
      // Weaker autumn sun makes less O3 as the month goes on.
      whole(
        climate.ozonePeak * (1 - 0.35 * lateAutumn(at)) * weather.ozone[i]! * sunshine * OZONE_CYCLE[hour]! * ozone.next(),
        2,
      ),
      tenth(coBase * season ** 0.7 * stagnation ** 0.7 * CO_CYCLE[hour]! * co.next()),
    );
  }
}
