import { readFileSync } from "node:fs";
import schedule2026 from "../domain/calendar/holidays-cn-2026.json" with { type: "json" };
import { parseHolidaySchedule, WorkingDayCalendar, type HolidaySchedule } from "../domain/working-days.js";

/** Extra State Council schedules (comma-separated JSON files), for years after the bundled one. */
export const HOLIDAY_CALENDARS_ENV = "ECOFED_HOLIDAY_CALENDARS";

/** Art. 29: a suspension lasts 6 months. */
export const SUSPENSION_MONTHS = 6;

/** A bad holiday calendar: named ConfigError so the CLI prints it as one line, before any port opens. */
export class HolidayCalendarError extends Error {
  override readonly name = "ConfigError";
}

// China keeps one offset all year (no daylight saving since 1991), so a fixed +8 h is exact.
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The calendar day (YYYY-MM-DD) an instant falls on in Asia/Shanghai (CONTRACT §7). */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a day ends in Asia/Shanghai: when what is valid "through" it stops being valid. */
export function endOfShanghaiDay(day: string): Date {
  return new Date(dayMs(day) + DAY_MS - SHANGHAI_OFFSET_MS);
}

export function addCalendarDays(day: string, days: number): string {
  return new Date(dayMs(day) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The same day `months` later, or that month's last day when it is shorter (Aug 31 + 6 → Feb 28). */
export function addCalendarMonths(day: string, months: number): string {
  const d = new Date(dayMs(day));
  const firstOfTarget = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1);
  const lastOfTarget = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months + 1, 0)).getUTCDate();
  return new Date(firstOfTarget + (Math.min(d.getUTCDate(), lastOfTarget) - 1) * DAY_MS).toISOString().slice(0, 10);
}

/** Art. 29: the last day of a suspension that starts `today`. */
export function suspensionEnd(today: string): string {
  return addCalendarMonths(today, SUSPENSION_MONTHS);
}

/** Art. 21, 23(4): the Nth working day after the day of submission (Asia/Shanghai). */
export function dueBy(calendar: WorkingDayCalendar, submittedAt: Date, workingDays: number): string {
  return calendar.addWorkingDays(shanghaiDay(submittedAt), workingDays);
}

/**
 * The working-day calendar: the bundled 2026 schedule plus the files `ECOFED_HOLIDAY_CALENDARS`
 * names. A file that cannot be read or is not a schedule stops the start with one line; a
 * year without any schedule counts weekends only and `warn`s once (WorkingDayCalendar).
 */
export function loadWorkingDayCalendar(
  env: Readonly<Record<string, string | undefined>>,
  warn: (message: string) => void = (message) => console.warn(`ecofed: ${message}`),
): WorkingDayCalendar {
  const files = (env[HOLIDAY_CALENDARS_ENV] ?? "").split(",").map((f) => f.trim()).filter((f) => f !== "");
  const schedules = [parseHolidaySchedule(schedule2026, "domain/calendar/holidays-cn-2026.json"), ...files.map(readSchedule)];
  try {
    return new WorkingDayCalendar(schedules, warn);
  } catch (error) {
    throw new HolidayCalendarError(`${HOLIDAY_CALENDARS_ENV}: ${(error as Error).message}`);
  }
}

function readSchedule(file: string): HolidaySchedule {
  try {
    return parseHolidaySchedule(JSON.parse(readFileSync(file, "utf8")), file);
  } catch (error) {
    const message = (error as Error).message;
    throw new HolidayCalendarError(`${HOLIDAY_CALENDARS_ENV}: ${message.includes(file) ? message : `${file}: ${message}`}`);
  }
}

function dayMs(day: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(day) ? Date.parse(`${day}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day) throw new Error(`not a calendar day (YYYY-MM-DD): "${day}"`);
  return ms;
}
