import { DAY_MS } from "../../demo/calendar.js";

/** How a province's air behaves in the demo month, before weather and local effects. */
export interface AirClimate {
  /** Typical PM2.5 for early autumn, µg/m³. */
  readonly pm25: number;
  readonly so2: number;
  /** Typical mid-afternoon O3 peak, µg/m³. */
  readonly ozonePeak: number;
  /** PM2.5/PM10: lower in the dusty north-west, higher where secondary aerosol dominates. */
  readonly fineRatio: number;
  /** In the northern heating region, whose air worsens as autumn turns to winter. */
  readonly north: boolean;
}

const k = (pm25: number, so2: number, ozonePeak: number, fineRatio: number, north: boolean): AirClimate => ({
  pm25, so2, ozonePeak, fineRatio, north,
});

// Rough October levels of the national network's provincial monthly reports: the North
// China Plain, Fenwei Plain and Ürümqi are dirtiest; Hainan, Tibet, Yunnan, Fujian cleanest;
// the Pearl River Delta has the strongest autumn ozone.
const CLIMATES: Readonly<Record<string, AirClimate>> = {
  "110000": k(28, 4, 110, 0.58, true), "120000": k(34, 7, 110, 0.56, true), "130000": k(38, 10, 115, 0.55, true),
  "140000": k(36, 15, 110, 0.52, true), "150000": k(24, 14, 100, 0.45, true), "210000": k(28, 12, 95, 0.58, true),
  "220000": k(25, 10, 90, 0.6, true), "230000": k(22, 9, 85, 0.6, true), "310000": k(24, 6, 140, 0.68, false),
  "320000": k(28, 7, 140, 0.65, false), "330000": k(22, 6, 140, 0.66, false), "340000": k(30, 7, 130, 0.64, false),
  "350000": k(17, 5, 140, 0.64, false), "360000": k(25, 8, 135, 0.64, false), "370000": k(34, 9, 120, 0.55, true),
  "410000": k(40, 8, 120, 0.55, true), "420000": k(30, 7, 125, 0.64, false), "430000": k(28, 8, 125, 0.65, false),
  "440000": k(20, 6, 165, 0.66, false), "450000": k(22, 8, 140, 0.65, false), "460000": k(11, 4, 115, 0.62, false),
  "500000": k(28, 7, 115, 0.66, false), "510000": k(28, 7, 120, 0.65, false), "520000": k(18, 10, 100, 0.62, false),
  "530000": k(16, 8, 110, 0.58, false), "540000": k(8, 5, 110, 0.4, false), "610000": k(36, 8, 105, 0.52, true),
  "620000": k(26, 11, 105, 0.4, true), "630000": k(22, 12, 110, 0.4, true), "640000": k(28, 15, 105, 0.42, true),
  "650000": k(32, 8, 85, 0.42, true),
};

export function airClimate(provinceCode: string): AirClimate {
  const climate = CLIMATES[provinceCode];
  if (!climate) throw new Error(`no air climate for province ${provinceCode}`);
  return climate;
}

/**
 * How far autumn has turned towards winter at an instant: 0 at the start of October, 1 by
 * the start of December, when the northern heating season is under way and inversions are frequent.
 */
export function lateAutumn(ms: number): number {
  const year = new Date(ms).getUTCFullYear();
  const dayOfYear = (ms - Date.UTC(year, 0, 1)) / DAY_MS;
  return Math.min(1, Math.max(0, (dayOfYear - 273) / 61));
}

/** The seasonal multiplier of primary pollutants: strong in the north, mild elsewhere. */
export function seasonalFactor(climate: AirClimate, ms: number): number {
  return 1 + (climate.north ? 0.9 : 0.2) * lateAutumn(ms);
}
