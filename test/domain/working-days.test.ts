import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseHolidaySchedule, WorkingDayCalendar } from "../../domain/working-days.js";

const schedule2026 = parseHolidaySchedule(
  JSON.parse(readFileSync(new URL("../../domain/calendar/holidays-cn-2026.json", import.meta.url), "utf8")),
  "holidays-cn-2026.json",
);

describe("working-day deadlines (Art. 21: 5 working days; Art. 23(4): 10)", () => {
  const calendar = new WorkingDayCalendar([schedule2026]);

  it.each([
    ["an ordinary week: Monday + 5 → next Monday", "2026-11-30", 5, "2026-12-07"],
    ["a Friday submission skips the weekend", "2026-11-27", 5, "2026-12-04"],
    ["National Day: holidays 10-01…10-07 skipped, make-up Saturday 10-10 counted", "2026-09-30", 5, "2026-10-13"],
    ["Spring Festival: make-up Saturday 02-14 counts, 02-15…02-23 do not", "2026-02-13", 5, "2026-02-27"],
    ["New Year: 01-01…01-03 off, make-up Sunday 01-04 on", "2025-12-31", 2, "2026-01-05"],
    ["external applicants: 10 working days across Labour Day and its make-up Saturday 05-09", "2026-04-29", 10, "2026-05-15"],
  ])("%s", (_name, submitted, days, due) => {
    expect(calendar.addWorkingDays(submitted, days)).toBe(due);
  });

  it("tells make-up days from weekends and holidays from weekdays", () => {
    expect(calendar.isWorkingDay("2026-10-10")).toBe(true); // Saturday, make-up
    expect(calendar.isWorkingDay("2026-10-05")).toBe(false); // Monday, National Day
    expect(calendar.isWorkingDay("2026-10-11")).toBe(false); // Sunday
  });

  it("counts weekends only in a year without a schedule, and says so once", () => {
    const warnings: string[] = [];
    const c = new WorkingDayCalendar([schedule2026], (m) => warnings.push(m));
    // 2027-01-01 is a Friday; without a schedule it is a working day.
    expect(c.addWorkingDays("2026-12-30", 5)).toBe("2027-01-06");
    expect(c.addWorkingDays("2027-03-01", 1)).toBe("2027-03-02");
    expect(warnings).toEqual(["no holiday schedule for 2027: its deadlines count weekends only; add the State Council's schedule"]);
  });

  it.each([
    ["2026-02-30", 1, /not a calendar day/],
    ["30/11/2026", 1, /not a calendar day/],
    ["2026-11-30", 0, /positive whole number/],
  ])("refuses %s + %i", (day, n, message) => {
    expect(() => calendar.addWorkingDays(day, n)).toThrow(message);
  });

  it("refuses a malformed schedule file", () => {
    expect(() => parseHolidaySchedule({ year: 2027, holidays: "none" }, "bad.json")).toThrow("bad.json: not a holiday schedule");
    expect(() => new WorkingDayCalendar([schedule2026, schedule2026])).toThrow("two holiday schedules for 2026");
  });
});
