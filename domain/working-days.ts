/**
 * Working days for the deadlines of Art. 21–23 (CONTRACT §7): weekends and the State
 * Council's holidays are not working days; its make-up days (调休上班) are, even on a
 * weekend. Dates are calendar days, `YYYY-MM-DD` (Asia/Shanghai).
 */
export interface HolidaySchedule {
  readonly year: number;
  readonly holidays: readonly { readonly name: string; readonly days: readonly string[] }[];
  readonly makeupWorkdays: readonly string[];
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export class WorkingDayCalendar {
  private readonly holidays = new Set<string>();
  private readonly makeup = new Set<string>();
  private readonly years = new Set<number>();
  private readonly warned = new Set<number>();

  /** `warn` hears once per year that has no schedule: that year counts weekends only. */
  constructor(schedules: readonly HolidaySchedule[], private readonly warn: (message: string) => void = () => undefined) {
    for (const s of schedules) {
      if (this.years.has(s.year)) throw new Error(`two holiday schedules for ${s.year}`);
      this.years.add(s.year);
      for (const h of s.holidays) for (const day of h.days) this.holidays.add(checkDay(day, s.year));
      for (const day of s.makeupWorkdays) this.makeup.add(checkDay(day, s.year));
    }
  }

  isWorkingDay(day: string): boolean {
    const ms = toMs(day);
    const year = new Date(ms).getUTCFullYear();
    if (!this.years.has(year) && !this.warned.has(year)) {
      this.warned.add(year);
      this.warn(`no holiday schedule for ${year}: its deadlines count weekends only; add the State Council's schedule`);
    }
    if (this.makeup.has(day)) return true;
    if (this.holidays.has(day)) return false;
    const weekday = new Date(ms).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /** The `n`th working day after `day` (the day itself does not count). */
  addWorkingDays(day: string, n: number): string {
    if (!Number.isInteger(n) || n < 1) throw new Error(`working days must be a positive whole number, got ${n}`);
    let ms = toMs(day);
    for (let counted = 0; counted < n; ) {
      ms += DAY_MS;
      if (this.isWorkingDay(fromMs(ms))) counted++;
    }
    return fromMs(ms);
  }
}

function toMs(day: string): number {
  const m = DAY.exec(day);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (Number.isNaN(ms) || fromMs(ms) !== day) throw new Error(`not a calendar day (YYYY-MM-DD): "${day}"`);
  return ms;
}

function fromMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function checkDay(day: string, year: number): string {
  toMs(day);
  if (!day.startsWith(`${year}-`)) throw new Error(`${day} is not in the ${year} schedule's year`);
  return day;
}

/** Reads one schedule file's JSON (the shape of `domain/calendar/holidays-cn-2026.json`), strictly. */
export function parseHolidaySchedule(json: unknown, source: string): HolidaySchedule {
  const s = json as { year?: unknown; holidays?: unknown; makeupWorkdays?: unknown } | null;
  const isDayList = (list: unknown): boolean => Array.isArray(list) && list.every((d: unknown) => typeof d === "string");
  const ok =
    s !== null &&
    typeof s === "object" &&
    Number.isInteger(s.year) &&
    Array.isArray(s.holidays) &&
    s.holidays.every((h: { name?: unknown; days?: unknown } | null) => h !== null && typeof h === "object" && typeof h.name === "string" && isDayList(h.days)) &&
    isDayList(s.makeupWorkdays);
  if (!ok) throw new Error(`${source}: not a holiday schedule (year, holidays[{name, days}], makeupWorkdays)`);
  return s as unknown as HolidaySchedule;
}
