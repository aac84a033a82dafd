/** The demo's "now": data ends here, so the same seed gives the same rows on any day. */
export const DEMO_END = Date.UTC(2026, 10, 1, 0, 0, 0); // 2026-11-01T08:00+08:00

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** An instant as RFC 3339 in Asia/Shanghai time. */
export function shanghaiDateTime(ms: number): string {
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19) + "+08:00";
}

/** The Asia/Shanghai calendar day of an instant, `YYYY-MM-DD`. */
export function shanghaiDate(ms: number): string {
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The Asia/Shanghai hour of day (0–23) of an instant. */
export function shanghaiHour(ms: number): number {
  return new Date(ms + SHANGHAI_OFFSET_MS).getUTCHours();
}

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
