import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { WorkingDayCalendar } from "../../domain/working-days.js";
import { EXTERNAL_WORKING_DAYS, INTERNAL_WORKING_DAYS } from "../../governance/application-workflow.js";
import {
  addCalendarMonths,
  dueBy,
  endOfShanghaiDay,
  HOLIDAY_CALENDARS_ENV,
  HolidayCalendarError,
  loadWorkingDayCalendar,
  shanghaiDay,
  suspensionEnd,
} from "../../governance/deadlines.js";
import { tempDir } from "../helpers/temp-dir.js";

const dir = tempDir("calendars");
afterAll(() => dir.remove());

function calendarFile(name: string, content: unknown): string {
  const file = join(dir.path, name);
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

function calendar(env: Record<string, string> = {}): { calendar: WorkingDayCalendar; warnings: string[] } {
  const warnings: string[] = [];
  return { calendar: loadWorkingDayCalendar(env, (m) => warnings.push(m)), warnings };
}

describe("application deadlines (Art. 21: 5 working days; Art. 23(4): 10)", () => {
  const { calendar: bundled, warnings } = calendar();

  it.each([
    ["Friday before Qingming (04-04…04-06 off): internal", "2026-04-03T02:00:00Z", INTERNAL_WORKING_DAYS, "2026-04-13"],
    ["Friday before Qingming: external", "2026-04-03T02:00:00Z", EXTERNAL_WORKING_DAYS, "2026-04-20"],
    ["the day is Shanghai's: 23:59 on Thursday counts from Thursday", "2026-04-02T15:59:00Z", INTERNAL_WORKING_DAYS, "2026-04-10"],
    ["the day is Shanghai's: 00:00 on Friday counts from Friday", "2026-04-02T16:00:00Z", INTERNAL_WORKING_DAYS, "2026-04-13"],
    ["an ordinary weekend: Friday → next Friday", "2026-11-27T02:00:00Z", INTERNAL_WORKING_DAYS, "2026-12-04"],
    ["National Day (10-01…10-07 off), make-up Saturday 10-10 counted", "2026-09-30T02:00:00Z", INTERNAL_WORKING_DAYS, "2026-10-13"],
    ["Spring Festival: make-up Saturday 02-14 counts, 02-15…02-23 do not", "2026-02-13T02:00:00Z", INTERNAL_WORKING_DAYS, "2026-02-27"],
    ["Spring Festival, external: make-up Saturday 02-28 counts too", "2026-02-13T02:00:00Z", EXTERNAL_WORKING_DAYS, "2026-03-05"],
  ])("%s", (_name, submitted, days, due) => {
    expect(dueBy(bundled, new Date(submitted), days)).toBe(due);
    expect(warnings).toEqual([]);
  });

  it("late December runs into 2027, which has no schedule: weekends only, and one warning", () => {
    const { calendar: c, warnings: heard } = calendar();
    // 2027-01-01 is a Friday: without a schedule it is a working day.
    expect(dueBy(c, new Date("2026-12-28T02:00:00Z"), INTERNAL_WORKING_DAYS)).toBe("2027-01-04");
    expect(dueBy(c, new Date("2026-12-25T02:00:00Z"), EXTERNAL_WORKING_DAYS)).toBe("2027-01-08");
    expect(heard).toEqual(["no holiday schedule for 2027: its deadlines count weekends only; add the State Council's schedule"]);
  });

  it(`reads further years from ${HOLIDAY_CALENDARS_ENV}`, () => {
    const file = calendarFile("2027.json", { year: 2027, holidays: [{ name: "元旦", days: ["2027-01-01", "2027-01-02", "2027-01-03"] }], makeupWorkdays: [] });
    const { calendar: c, warnings: heard } = calendar({ [HOLIDAY_CALENDARS_ENV]: ` ${file} ,` });
    expect(dueBy(c, new Date("2026-12-28T02:00:00Z"), INTERNAL_WORKING_DAYS)).toBe("2027-01-05");
    expect(heard).toEqual([]);
  });

  it.each([
    ["a file that does not exist", () => join(dir.path, "missing.json"), /^ECOFED_HOLIDAY_CALENDARS: .*missing\.json/],
    ["a file that is not JSON", () => calendarFile("broken.json", "{ year: 2027"), /^ECOFED_HOLIDAY_CALENDARS: .*broken\.json: /],
    ["a file that is not a schedule", () => calendarFile("shape.json", { year: 2027, holidays: "none" }), /shape\.json: not a holiday schedule/],
    ["a second schedule for 2026", () => calendarFile("again.json", { year: 2026, holidays: [], makeupWorkdays: [] }), /two holiday schedules for 2026/],
    ["a day outside the schedule's year", () => calendarFile("year.json", { year: 2027, holidays: [{ name: "x", days: ["2028-01-01"] }], makeupWorkdays: [] }), /not in the 2027 schedule's year/],
  ])("stops the start on %s, in one line", (_name, file, message) => {
    const load = (): unknown => calendar({ [HOLIDAY_CALENDARS_ENV]: file() });
    expect(load).toThrow(HolidayCalendarError);
    expect(load).toThrow(message);
    try {
      load();
    } catch (error) {
      expect((error as Error).name).toBe("ConfigError");
      expect((error as Error).message).not.toContain("\n");
    }
  });
});

describe("Art. 29: a suspension lasts 6 calendar months", () => {
  it.each([
    ["the end of a longer month clamps to February's last day", "2026-08-31", "2027-02-28"],
    ["… and to the 29th in a leap year", "2027-08-31", "2028-02-29"],
    ["an ordinary day", "2026-11-30", "2027-05-30"],
    ["March 31 → September 30", "2026-03-31", "2026-09-30"],
    ["across a year end", "2026-07-15", "2027-01-15"],
  ])("%s: %s → %s", (_name, today, until) => {
    expect(suspensionEnd(today)).toBe(until);
  });

  it("adds any number of months", () => {
    expect(addCalendarMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addCalendarMonths("2026-01-31", 13)).toBe("2027-02-28");
  });
});

describe("Asia/Shanghai days", () => {
  it("puts an instant on Shanghai's calendar day, and ends a day at Shanghai's midnight", () => {
    expect(shanghaiDay(new Date("2026-11-30T15:59:59.999Z"))).toBe("2026-11-30");
    expect(shanghaiDay(new Date("2026-11-30T16:00:00Z"))).toBe("2026-12-01");
    expect(endOfShanghaiDay("2027-02-28").toISOString()).toBe("2027-02-28T16:00:00.000Z");
  });
});
