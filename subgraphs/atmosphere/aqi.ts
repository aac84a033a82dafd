// HJ 633-2012《环境空气质量指数（AQI）技术规定（试行）》, Table 1 and formula (1):
//   IAQI_P = (IAQI_Hi − IAQI_Lo) / (BP_Hi − BP_Lo) × (C_P − BP_Lo) + IAQI_Lo
// AQI = max(IAQI_P); results are rounded up to whole numbers; when AQI > 50 the
// pollutant(s) with the largest IAQI are the primary pollutant(s).

export type AqiPollutant = "PM2.5" | "PM10" | "SO2" | "NO2" | "O3" | "CO";

/** One hour's concentrations: µg/m³, CO in mg/m³; null when the analyser gave nothing. */
export type HourlyConcentrations = Readonly<Record<AqiPollutant, number | null>>;

export interface AqiResult {
  readonly aqi: number | null;
  /** Null when AQI ≤ 50 (no primary pollutant on a good-air hour) or nothing was measured. */
  readonly primaryPollutant: string | null;
}

const IAQI_LEVELS = [0, 50, 100, 150, 200, 300, 400, 500] as const;

// The 1-hour breakpoints used for real-time hourly reporting. PM2.5 and PM10 have no
// 1-hour breakpoints in Table 1; real-time practice applies their 24-hour ones.
const HOURLY_BREAKPOINTS: Readonly<Record<AqiPollutant, readonly number[]>> = {
  SO2: [0, 150, 500, 650, 800],
  NO2: [0, 100, 200, 700, 1200, 2340, 3090, 3840],
  CO: [0, 5, 10, 35, 60, 90, 120, 150],
  O3: [0, 160, 200, 300, 400, 800, 1000, 1200],
  PM10: [0, 50, 150, 250, 350, 420, 500, 600],
  "PM2.5": [0, 35, 75, 115, 150, 250, 350, 500],
};

// Table 1 note 2: above 800 µg/m³ the SO2 1-hour IAQI is not computed and the 24-hour
// breakpoints are used instead.
const SO2_DAILY_BREAKPOINTS = [0, 50, 150, 475, 800, 1600, 2100, 2620] as const;

const ORDER: readonly AqiPollutant[] = ["PM2.5", "PM10", "O3", "NO2", "SO2", "CO"];

/** The individual air quality index of one concentration against one breakpoint row. */
export function iaqi(breakpoints: readonly number[], concentration: number): number {
  const top = breakpoints.length - 1;
  // Beyond the highest breakpoint the index is reported as 500.
  if (concentration >= breakpoints[top]!) return IAQI_LEVELS[top]!;
  let i = 0;
  while (concentration > breakpoints[i + 1]!) i++;
  const [bpLo, bpHi] = [breakpoints[i]!, breakpoints[i + 1]!];
  const [iLo, iHi] = [IAQI_LEVELS[i]!, IAQI_LEVELS[i + 1]!];
  return Math.ceil(((iHi - iLo) / (bpHi - bpLo)) * (Math.max(concentration, 0) - bpLo) + iLo);
}

/** The IAQI of one pollutant's hourly concentration. */
export function hourlyIaqi(pollutant: AqiPollutant, concentration: number): number {
  if (pollutant === "SO2" && concentration > 800) return iaqi(SO2_DAILY_BREAKPOINTS, concentration);
  return iaqi(HOURLY_BREAKPOINTS[pollutant], concentration);
}

/** The hourly AQI and primary pollutant(s) of one reading. */
export function hourlyAqi(concentrations: HourlyConcentrations): AqiResult {
  let aqi: number | null = null;
  const indices: [AqiPollutant, number][] = [];
  for (const pollutant of ORDER) {
    const c = concentrations[pollutant];
    if (c === null) continue;
    const value = hourlyIaqi(pollutant, c);
    indices.push([pollutant, value]);
    if (aqi === null || value > aqi) aqi = value;
  }
  if (aqi === null || aqi <= 50) return { aqi, primaryPollutant: null };
  // HJ 633-2012: when several pollutants share the largest IAQI, all are primary.
  const primary = indices.filter(([, value]) => value === aqi).map(([p]) => p);
  return { aqi, primaryPollutant: primary.join(",") };
}
