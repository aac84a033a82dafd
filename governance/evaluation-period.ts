import { addCalendarDays, addCalendarMonths, endOfShanghaiDay } from "./deadlines.js";
import { badArgument, type Refusal } from "./refusal.js";

export const EVALUATION_PERIODS = ["MONTH", "QUARTER", "YEAR"] as const;
export type EvaluationPeriodKind = (typeof EVALUATION_PERIODS)[number];

/** One period of a periodic evaluation (Art. 28: "定期"), inside the asked range. */
export interface Period {
  /** `2026-04`, `2026-Q2` or `2026`. */
  readonly label: string;
  readonly from: string;
  readonly to: string;
}

// Enough for ten years of months; more is a mistake, not a report.
export const MAX_PERIODS = 120;

const MONTHS: Record<EvaluationPeriodKind, number> = { MONTH: 1, QUARTER: 3, YEAR: 12 };

/** An interval of instants, [from, to): `from` null means since the first record. */
export interface InstantWindow {
  readonly from: string | null;
  readonly to: string;
}

/** The instants of the days from `from` (null: since the first record) through `to`, Asia/Shanghai. */
export function instantWindow(from: string | null, to: string): InstantWindow {
  return { from: from === null ? null : endOfShanghaiDay(addCalendarDays(from, -1)).toISOString(), to: endOfShanghaiDay(to).toISOString() };
}

/** A range of days is usable: `from` (when given) not after `to`. */
export function checkRange(from: string | null, to: string): Refusal | null {
  return from !== null && from > to ? badArgument("from", `must not be after to (${to}), got ${from}`) : null;
}

/** The calendar months, quarters or years that meet [from, to], each cut to that range. */
export function periodsBetween(kind: EvaluationPeriodKind, from: string, to: string): { readonly ok: true; readonly periods: readonly Period[] } | Refusal {
  const problem = checkRange(from, to);
  if (problem) return problem;
  const periods: Period[] = [];
  for (let start = periodStart(kind, from); start <= to; start = addCalendarMonths(start, MONTHS[kind])) {
    if (periods.length === MAX_PERIODS) return badArgument("from", `spans more than ${MAX_PERIODS} periods of a ${kind.toLowerCase()}; ask for a shorter range`);
    const end = addCalendarDays(addCalendarMonths(start, MONTHS[kind]), -1);
    periods.push({ label: labelOf(kind, start), from: start > from ? start : from, to: end < to ? end : to });
  }
  return { ok: true, periods };
}

function periodStart(kind: EvaluationPeriodKind, day: string): string {
  const month = Number(day.slice(5, 7));
  const first = kind === "MONTH" ? month : kind === "QUARTER" ? month - ((month - 1) % 3) : 1;
  return `${day.slice(0, 4)}-${String(first).padStart(2, "0")}-01`;
}

function labelOf(kind: EvaluationPeriodKind, start: string): string {
  if (kind === "YEAR") return start.slice(0, 4);
  if (kind === "MONTH") return start.slice(0, 7);
  return `${start.slice(0, 4)}-Q${(Number(start.slice(5, 7)) + 2) / 3}`;
}
