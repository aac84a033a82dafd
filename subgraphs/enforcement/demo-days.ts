import { DAY_MS, DEMO_END, shanghaiDate } from "../../demo/calendar.js";
import type { Random } from "../../demo/random.js";

/** The demo's last day: no decision or inspection is later. */
export const DEMO_TODAY = shanghaiDate(DEMO_END - DAY_MS);

/** The first day of the enforcement records the demo keeps. */
export const RECORDS_FROM = "2024-01-01";

/** A uniformly drawn day in [from, to], `YYYY-MM-DD`. */
export function dayBetween(rng: Random, from: string, to: string): string {
  const start = Date.parse(from);
  const days = Math.round((Date.parse(to) - start) / DAY_MS);
  return new Date(start + rng.int(0, days) * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}
