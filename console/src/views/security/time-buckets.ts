import type { Bucket } from "./filter.js";

const STEP_MS: Readonly<Record<Bucket, number>> = { HOUR: 3_600_000, DAY: 86_400_000 };
// Beyond this many steps the chart shows the periods that have records only (an empty year of hours says little).
const MAX_FILLED = 2_000;

/**
 * The periods from the first bucket with records to the last, those without records
 * included, so the chart's time axis is even; the API returns only periods that have records.
 */
export function bucketAxis(buckets: readonly string[], bucket: Bucket): string[] {
  const times = [...new Set(buckets)].map((b) => Date.parse(b)).sort((a, b) => a - b);
  const first = times[0];
  const last = times[times.length - 1];
  if (first === undefined || last === undefined) return [];
  const steps = (last - first) / STEP_MS[bucket];
  if (steps > MAX_FILLED || !Number.isInteger(steps)) return times.map((t) => new Date(t).toISOString());
  return Array.from({ length: steps + 1 }, (_, i) => new Date(first + i * STEP_MS[bucket]).toISOString());
}

/** A bucket's start as its label: in UTC, as the API buckets. */
export function bucketLabel(iso: string, bucket: Bucket, locale: string): string {
  const options: Intl.DateTimeFormatOptions =
    bucket === "HOUR"
      ? { timeZone: "UTC", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }
      : { timeZone: "UTC", year: "numeric", month: "2-digit", day: "2-digit" };
  return new Intl.DateTimeFormat(locale, options).format(new Date(iso));
}
