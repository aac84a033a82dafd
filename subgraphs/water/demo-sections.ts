import { DEMO_SEED } from "../../demo/enterprises.js";
import { DEMO_PROVINCES, type DemoProvince } from "../../demo/provinces.js";
import { seededRandom, type Random } from "../../demo/random.js";
import { PROVINCE_WATERS, type Basin, type DemoWater } from "./province-waters.js";
import type { SurfaceWaterClass, WaterBody } from "./quality-class.js";

/** A demo monitoring section, with what the reading generator needs to know about it. */
export interface DemoSection {
  readonly id: string;
  readonly name: string;
  readonly river: string;
  readonly basin: Basin;
  readonly body: WaterBody;
  readonly divisionCode: string;
  readonly targetClass: SurfaceWaterClass;
  /**
   * Where the section lies on a synthetic 100 × 100 km plane of its province. The demo has
   * no geodata; the positions only serve to pick each outfall's nearest section.
   */
  readonly x: number;
  readonly y: number;
  /** The section's usual water quality on a 0–6 scale: 0–1 is class I … 5–6 is 劣V. */
  readonly level: number;
}

// Class shares of the national sections, roughly as MEE reports them (2023: I–III ≈ 89 %,
// 劣V < 1 %); a little worse here so the demo has some IV–V and 劣V sections to show.
const CLASS_SHARES = [0.07, 0.45, 0.33, 0.09, 0.035, 0.025] as const;

// Northern basins and the three eutrophic lakes fare worse than the south-west and north-west.
const BASIN_BIAS: Readonly<Record<Basin, number>> = {
  长江: -0.03, 黄河: 0.04, 珠江: 0, 松花江: 0.04, 淮河: 0.05, 海河: 0.08, 辽河: 0.06,
  太湖: 0.05, 巢湖: 0.1, 滇池: 0.12, 浙闽片河流: -0.05, 西北诸河: -0.06, 西南诸河: -0.08,
};

const RIVER_SUFFIXES = ["大桥", "水文站", "渡口", "入境", "出境", "闸", "取水口", "码头", "新桥", "老桥", "水厂", "下游", "汇合口"];
const LAKE_SUFFIXES = ["湖心", "取水口", "北部", "南部", "东部", "西部", "出口", "入湖口"];

/** Sections per province: a floor for every province plus more where there is more industry. */
export function sectionCount(province: DemoProvince): number {
  return 12 + 2 * province.weight;
}

/** Every demo section, ordered by id; the same on every call. */
export function demoSections(): DemoSection[] {
  return DEMO_PROVINCES.flatMap((province) => provinceSections(province));
}

function provinceSections(province: DemoProvince): DemoSection[] {
  const rng = seededRandom(`${DEMO_SEED}/water/sections/${province.code}`);
  const slots = interleave(PROVINCE_WATERS[province.code]!.waters);
  const names = new Set<string>();
  const out: DemoSection[] = [];
  for (let i = 0; i < sectionCount(province); i++) {
    const [water, place] = slots[i % slots.length]!;
    const name = uniqueName(rng, names, water, place);
    const classIndex = drawClass(rng.next() + BASIN_BIAS[water.basin]);
    out.push({
      id: `WS${province.code.slice(0, 2)}${String(i + 1).padStart(3, "0")}`,
      name,
      river: water.name,
      basin: water.basin,
      body: water.body,
      divisionCode: province.code,
      targetClass: targetFor(rng, classIndex),
      x: rng.next() * 100,
      y: rng.next() * 100,
      // Keep clear of the class edges so most readings stay in the section's usual class.
      level: classIndex + 0.2 + 0.6 * rng.next(),
    });
  }
  return out;
}

/** (water, place) pairs, one place of each water in turn, so every water gets sections early. */
function interleave(waters: readonly DemoWater[]): [DemoWater, string][] {
  const longest = Math.max(...waters.map((w) => w.places.length));
  const slots: [DemoWater, string][] = [];
  for (let i = 0; i < longest; i++) {
    for (const water of waters) {
      const place = water.places[i];
      if (place) slots.push([water, place]);
    }
  }
  return slots;
}

function uniqueName(rng: Random, taken: Set<string>, water: DemoWater, place: string): string {
  const suffixes = water.body === "湖库" ? LAKE_SUFFIXES : RIVER_SUFFIXES;
  const start = rng.int(0, suffixes.length - 1);
  for (let k = 0; k < suffixes.length; k++) {
    const name = `${water.name} ${place}${suffixes[(start + k) % suffixes.length]}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
  throw new Error(`no free section name for ${water.name} ${place}`);
}

function drawClass(u: number): number {
  let x = Math.min(Math.max(u, 0), 0.9999);
  for (let i = 0; i < CLASS_SHARES.length; i++) {
    x -= CLASS_SHARES[i]!;
    if (x < 0) return i;
  }
  return CLASS_SHARES.length - 1;
}

// Targets (水质目标) are set near the current class: better waters must hold theirs, poor
// ones get a target one class up to work towards.
function targetFor(rng: Random, classIndex: number): SurfaceWaterClass {
  switch (classIndex) {
    case 0: return rng.chance(0.5) ? "I" : "II";
    case 1: return rng.chance(0.8) ? "II" : "III";
    case 2: return "III";
    case 3: return rng.chance(0.6) ? "III" : "IV";
    case 4: return rng.chance(0.5) ? "IV" : "V";
    default: return rng.chance(0.6) ? "V" : "IV";
  }
}
