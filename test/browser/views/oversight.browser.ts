import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ask } from "../graphql-over-http.js";
import type { ConsoleHarness } from "../console-harness.js";

/*
 * The oversight view (issue 16 item 6): each unit's Art. 28 figures per calendar period,
 * checked against `evaluationsByPeriod` sent over HTTP with the same arguments and the same
 * requester: every figure's percentage, numerator and denominator, per period and unit.
 */

interface Ratio {
  readonly numerator: number;
  readonly denominator: number;
  readonly value: number | null;
}
interface UnitEvaluation {
  readonly unit: string;
  readonly asOf: string;
  readonly shareRatio: Ratio;
  readonly catalogCompleteness: Ratio;
  readonly resourcesWithFrequency: Ratio;
  readonly applications: { readonly total: number; readonly answeredInTime: Ratio };
  readonly dataIssues: { readonly total: number; readonly answeredInTime: Ratio };
  readonly catalogChanges: { readonly total: number; readonly answeredInTime: Ratio };
  readonly misuse: { readonly measured: boolean; readonly denied: Ratio };
}
interface PeriodEvaluation {
  readonly period: string;
  readonly from: string;
  readonly to: string;
  readonly units: readonly UnitEvaluation[];
}

const R = "{ numerator denominator value }";
const EVALUATIONS = `query ($from: Date!, $to: Date, $period: EvaluationPeriod!, $unit: String) {
  evaluationsByPeriod(from: $from, to: $to, period: $period, unit: $unit) {
    period from to
    units { unit asOf shareRatio ${R} catalogCompleteness ${R} resourcesWithFrequency ${R}
      applications { total answeredInTime ${R} } dataIssues { total answeredInTime ${R} } catalogChanges { total answeredInTime ${R} }
      misuse { measured denied ${R} } }
  }
}`;

async function evaluations(h: ConsoleHarness, token: string, variables: Record<string, unknown>): Promise<PeriodEvaluation[]> {
  return (await ask<{ evaluationsByPeriod: PeriodEvaluation[] }>(h, token, EVALUATIONS, variables)).evaluationsByPeriod;
}

const percent = new Intl.NumberFormat("zh-CN", { style: "percent", maximumFractionDigits: 1 });
/** How the page writes a figure: "92% (23 / 25)", "— (0 / 0)" when there is nothing to divide. */
const figure = (r: Ratio): string => `${r.value === null ? "—" : percent.format(r.value)} (${r.numerator} / ${r.denominator})`;

type Shown = Record<string, Record<string, Record<string, string>>>;

/**
 * What the page shows for every figure but misuse: period → unit → figure → its text (the
 * ratio's, where the cell has one). Misuse counts reads, the page's own among them, so it
 * moves while the test looks: it is checked between two answers (misuseWithin).
 */
function expectedFigures(periods: readonly PeriodEvaluation[]): Shown {
  const out: Shown = {};
  for (const p of periods) {
    out[p.period] = {};
    for (const u of p.units) {
      out[p.period]![u.unit] = {
        shareRatio: figure(u.shareRatio),
        catalogCompleteness: figure(u.catalogCompleteness),
        resourcesWithFrequency: figure(u.resourcesWithFrequency),
        applications: figure(u.applications.answeredInTime),
        dataIssues: figure(u.dataIssues.answeredInTime),
        catalogChanges: figure(u.catalogChanges.answeredInTime),
      };
    }
  }
  return out;
}

const withoutMisuse = (shown: Shown): Shown =>
  Object.fromEntries(Object.entries(shown).map(([p, units]) => [p, Object.fromEntries(Object.entries(units).map(([u, f]) => [u, Object.fromEntries(Object.entries(f).filter(([k]) => k !== "misuse"))]))]));

/** Each unit's misuse figure lies between what the API answered before the page asked and after. */
async function misuseWithin(page: Page, before: readonly PeriodEvaluation[], after: readonly PeriodEvaluation[]): Promise<void> {
  const shown = await shownFigures(page);
  for (const p of after) {
    for (const u of p.units) {
      const text = shown[p.period]![u.unit]!["misuse"]!;
      const earlier = before.find((b) => b.period === p.period)?.units.find((b) => b.unit === u.unit)?.misuse;
      if (!u.misuse.measured && !earlier?.measured) {
        expect(text).toBe("未测量（没有访问日志可读）");
        continue;
      }
      const [, n, d] = /\((\d+) \/ (\d+)\)$/.exec(text) ?? [];
      expect(Number(d)).toBeGreaterThanOrEqual(earlier?.measured ? earlier.denied.denominator : 0);
      expect(Number(d)).toBeLessThanOrEqual(u.misuse.denied.denominator);
      expect(Number(n)).toBeGreaterThanOrEqual(earlier?.measured ? earlier.denied.numerator : 0);
      expect(Number(n)).toBeLessThanOrEqual(u.misuse.denied.numerator);
      expect(text.startsWith(Number(d) === 0 ? "—" : percent.format(Number(n) / Number(d)))).toBe(true);
    }
  }
}

/** The page, once it shows `before`'s figures, against the API before and after. */
async function expectFigures(page: Page, before: readonly PeriodEvaluation[], load: () => Promise<PeriodEvaluation[]>): Promise<void> {
  await expect.poll(() => shownPeriods(page), { timeout: 15_000 }).toEqual(before.map((p) => `${p.period}（${p.from} 至 ${p.to}）`));
  await expect.poll(async () => withoutMisuse(await shownFigures(page)), { timeout: 15_000 }).toEqual(expectedFigures(before));
  const after = await load();
  expect(withoutMisuse(await shownFigures(page))).toEqual(expectedFigures(after));
  await misuseWithin(page, before, after);
}

const shownFigures = (page: Page): Promise<Shown> =>
  page.evaluate(`Object.fromEntries([...document.querySelectorAll("section[data-period]")].map((s) => [
    s.getAttribute("data-period"),
    Object.fromEntries([...s.querySelectorAll("tr[data-unit]")].map((tr) => [
      tr.getAttribute("data-unit"),
      Object.fromEntries([...tr.querySelectorAll("td[data-figure]")].filter((td) => td.getAttribute("data-figure") !== "purposeSpread").map((td) => [
        td.getAttribute("data-figure"),
        (td.querySelector(".oversight-ratio") ?? td).textContent.trim(),
      ])),
    ])),
  ]))`);

const shownPeriods = (page: Page): Promise<string[]> => page.evaluate(`[...document.querySelectorAll("section[data-period] h2")].map((h) => h.textContent)`);

function todayInShanghai(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

/** The first day of the month `back` months before this one. */
function monthStart(back: number): string {
  const [y, m] = todayInShanghai().split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 - back, 1));
  return d.toISOString().slice(0, 10);
}

const form = (page: Page) => page.getByRole("form", { name: "考核期间" });

export function registerOversightTests(harness: () => ConsoleHarness): void {
  describe("the console's oversight view", () => {
    it("shows each unit's figures per period, each with its numerator and denominator, as evaluationsByPeriod answers", async () => {
      const h = harness();
      const token = await h.token("audit", ["security"]);
      const year = todayInShanghai().slice(0, 4);
      // By default the quarters of this year.
      const quarters = () => evaluations(h, token, { from: `${year}-01-01`, period: "QUARTER" });
      const firstAnswer = await quarters();
      const page = await h.signedIn("audit", ["security"], "oversight");
      await expectFigures(page, firstAnswer, quarters);

      // Months, from two months back.
      const from = monthStart(2);
      const monthly = () => evaluations(h, token, { from, period: "MONTH" });
      const months = await monthly();
      expect(months.length).toBe(3);
      const units = months.flatMap((p) => p.units);
      expect(units.length).toBeGreaterThan(3);
      await form(page).getByLabel("期间").selectOption("MONTH");
      await form(page).getByLabel("起始日").fill(from);
      await form(page).getByRole("button", { name: "查看" }).click();
      await page.waitForURL(/period=MONTH/);
      await expectFigures(page, months, monthly);
      // A figure as the issue writes it: percent, then (numerator / denominator).
      const some = units[0]!;
      const cell = page.locator(`section[data-period] tr[data-unit="${some.unit}"] td[data-figure="shareRatio"] .oversight-ratio`).last();
      expect(await cell.getAttribute("data-numerator")).toBe(String(some.shareRatio.numerator));
      expect(await cell.getAttribute("data-denominator")).toBe(String(some.shareRatio.denominator));
      await h.screenshot(page, "oversight");

      // One unit.
      const ofOne = () => evaluations(h, token, { from, period: "MONTH", unit: some.unit });
      const one = await ofOne();
      const picked = one.flatMap((p) => p.units.map((u) => u.unit));
      expect(picked.length).toBeGreaterThan(0);
      expect(new Set(picked)).toEqual(new Set([some.unit]));
      await form(page).getByLabel("单位").selectOption(some.unit);
      await form(page).getByRole("button", { name: "查看" }).click();
      await page.waitForURL(new RegExp(`unit=${some.unit}`));
      await expectFigures(page, one, ofOne);

      // Years, with a last day, straight from a URL.
      const to = todayInShanghai();
      const yearly = () => evaluations(h, token, { from: `${Number(year) - 1}-06-01`, to, period: "YEAR" });
      const years = await yearly();
      await page.goto(`${h.base}/console/oversight?period=YEAR&from=${Number(year) - 1}-06-01&to=${to}`);
      await expectFigures(page, years, yearly);
      expect(await form(page).getByLabel("截止日").inputValue()).toBe(to);
    });

    it("gives a unit without an overseeing role its own evaluation only, and says so", async () => {
      const h = harness();
      const token = await h.token("water");
      const year = todayInShanghai().slice(0, 4);
      const load = () => evaluations(h, token, { from: `${year}-01-01`, period: "QUARTER" });
      const before = await load();
      expect(new Set(before.flatMap((p) => p.units.map((u) => u.unit)))).toEqual(new Set(["water"]));
      const page = await h.signedIn("water", [], "oversight");
      await page.getByRole("note").filter({ hasText: "接口只答复本单位的考核" }).waitFor();
      await expectFigures(page, before, load);
    });
  });
}
