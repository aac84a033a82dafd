import { DEMO_SEED } from "../../demo/enterprises.js";
import { DEMO_PROVINCES } from "../../demo/provinces.js";
import { seededRandom, type Random } from "../../demo/random.js";
import { MONITORING_CITIES } from "./cities.js";

/** A demo national air monitoring station (国控空气质量监测点). */
export interface DemoAirStation {
  /** The network's site code style: four digits and "A" (e.g. 1001A). */
  readonly id: string;
  readonly name: string;
  readonly provinceCode: string;
  readonly latitude: number;
  readonly longitude: number;
  /** The province's industry weight (1–9): busier provinces have more traffic NO2. */
  readonly activity: number;
}

// Sites are named after the landmark, institution or district they stand in.
const SITES = (
  "监测站 市政府 环保局 高新区 经开区 体育中心 植物园 师范学院 人民公园 文化宫 火车站 水厂 奥体中心 新区 " +
  "城东 城西 城南 城北 工业园 大学城 科技馆 图书馆 会展中心 湿地公园 中心广场 南湖 东湖 西山 职教园 港区"
).split(" ");

function shuffled<T>(items: readonly T[], rng: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

let cache: readonly DemoAirStation[] | undefined;

/** The demo network: 3 + 2 × weight stations per province (327 in all), the same on every call. */
export function demoAirStations(): readonly DemoAirStation[] {
  if (cache) return cache;
  const rng = seededRandom(`${DEMO_SEED}/atmosphere/stations`);
  const out: DemoAirStation[] = [];
  for (const province of DEMO_PROVINCES) {
    const cities = MONITORING_CITIES[province.code] ?? [];
    const count = 3 + 2 * province.weight;
    // A municipality is one city spread over many districts, so its sites spread wider.
    const spread = cities.length === 1 ? 0.3 : 0.12;
    const sitesByCity = cities.map(() => shuffled(SITES, rng));
    for (let i = 0; i < count; i++) {
      const city = cities[i % cities.length]!;
      const site = sitesByCity[i % cities.length]![Math.floor(i / cities.length)]!;
      out.push({
        id: `${1001 + out.length}A`,
        name: `${city.name}${site}`,
        provinceCode: province.code,
        latitude: round4(city.latitude + (rng.next() * 2 - 1) * spread),
        longitude: round4(city.longitude + (rng.next() * 2 - 1) * spread),
        activity: province.weight,
      });
    }
  }
  cache = out;
  return out;
}
