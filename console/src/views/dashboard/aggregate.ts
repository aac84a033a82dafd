import type { AirData, InspectionsData, WaterData } from "./queries.js";

export interface ProvinceAqi {
  /** "" for stations without a division. */
  readonly code: string;
  readonly name: string | null;
  /** Stations whose latest reading has an AQI. */
  readonly stations: number;
  /** Their mean, to one decimal; null when none has one. */
  readonly average: number | null;
}

export const roundTo1 = (n: number): number => Math.round(n * 10) / 10;

/** The mean of each province's latest station AQIs, in GB/T 2260 code order. */
export function aqiByProvince(data: AirData): ProvinceAqi[] {
  const groups = new Map<string, { name: string | null; values: number[] }>();
  for (const station of data.airStations) {
    const code = station.division?.code ?? "";
    const group = groups.get(code) ?? { name: station.division?.name ?? null, values: [] };
    const aqi = station.readings[0]?.aqi;
    if (typeof aqi === "number") group.values.push(aqi);
    groups.set(code, group);
  }
  return [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, { name, values }]) => ({
      code,
      name,
      stations: values.length,
      average: values.length === 0 ? null : roundTo1(values.reduce((s, v) => s + v, 0) / values.length),
    }));
}

/** The newest reading time among the latest readings (they may differ by station). */
export function newestReading(readings: readonly { readonly at: string }[]): string | null {
  let newest: string | null = null;
  for (const r of readings) if (newest === null || Date.parse(r.at) > Date.parse(newest)) newest = r.at;
  return newest;
}

/** GB 3838-2002's classes, best first; a class the API names beyond these follows them. */
const WATER_CLASSES = ["I", "II", "III", "IV", "V", "劣V"];

export interface ClassCount {
  /** null: sections with no reading, or a reading without a class. */
  readonly qualityClass: string | null;
  readonly sections: number;
}

/** How many sections' latest reading is in each class; classes without a section are left out. */
export function waterClassCounts(data: WaterData): ClassCount[] {
  const counts = new Map<string | null, number>();
  for (const section of data.waterSections) {
    const c = section.readings[0]?.qualityClass ?? null;
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  const rank = (c: string | null): number => (c === null ? Number.MAX_SAFE_INTEGER : WATER_CLASSES.includes(c) ? WATER_CLASSES.indexOf(c) : WATER_CLASSES.length);
  return [...counts]
    .sort(([a], [b]) => rank(a) - rank(b) || (a ?? "").localeCompare(b ?? ""))
    .map(([qualityClass, sections]) => ({ qualityClass, sections }));
}

/** The results enforcement records, least severe first; any other follows them. */
const RESULTS = ["未发现问题", "责令改正", "立案查处"];

export interface InspectionMatrix {
  /** Kinds, most inspections first. */
  readonly kinds: readonly string[];
  readonly results: readonly string[];
  /** counts[kind][result]. */
  readonly counts: ReadonlyMap<string, ReadonlyMap<string, number>>;
  readonly total: number;
}

const UNKNOWN = "—";

export function inspectionMatrix(data: InspectionsData): InspectionMatrix {
  const counts = new Map<string, Map<string, number>>();
  const results = new Set<string>();
  let total = 0;
  for (const enterprise of data.enterprises.nodes) {
    for (const inspection of enterprise.inspections ?? []) {
      const kind = inspection.kind ?? UNKNOWN;
      const result = inspection.result ?? UNKNOWN;
      const row = counts.get(kind) ?? new Map<string, number>();
      row.set(result, (row.get(result) ?? 0) + 1);
      counts.set(kind, row);
      results.add(result);
      total += 1;
    }
  }
  const kindTotal = (k: string): number => [...(counts.get(k)?.values() ?? [])].reduce((s, v) => s + v, 0);
  const kinds = [...counts.keys()].sort((a, b) => kindTotal(b) - kindTotal(a) || a.localeCompare(b));
  const rank = (r: string): number => (RESULTS.includes(r) ? RESULTS.indexOf(r) : RESULTS.length);
  const orderedResults = [...results].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return { kinds, results: orderedResults, counts, total };
}

export const cell = (m: InspectionMatrix, kind: string, result: string): number => m.counts.get(kind)?.get(result) ?? 0;
