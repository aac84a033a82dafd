import type { Locator, Page, Route } from "playwright-core";
import { describe, expect, it } from "vitest";
import { send, type Sent } from "../graphql-over-http.js";
import type { ConsoleHarness } from "../console-harness.js";

/*
 * The environment dashboard (issue 16 item 7). Every figure a panel shows is checked against
 * the same query sent over HTTP by the test, with the panel's own query text as "view query"
 * shows it; the expected averages and counts are computed here, from that answer.
 */

async function graphql<T>(h: ConsoleHarness, token: string, purpose: string, query: string, variables: Record<string, unknown> = {}): Promise<Sent<T>> {
  const answer = await send<T>(h, token, query, variables, purpose);
  expect(answer.status).toBe(200);
  return answer;
}

/** The query and variables a panel shows under "view query" (QueryPanel appends the variables). */
async function shownQuery(panel: Locator): Promise<{ query: string; variables: Record<string, unknown> }> {
  const pre = panel.getByTestId("panel-query");
  if ((await pre.count()) === 0) await panel.getByRole("button", { name: "查看查询" }).click();
  const text = (await pre.textContent()) ?? "";
  const [query = "", variables] = text.split("\n\n# variables\n");
  return { query, variables: variables ? (JSON.parse(variables) as Record<string, unknown>) : {} };
}

/** The body rows of a table, each as its cells' texts. */
async function rows(table: Locator): Promise<string[][]> {
  await table.waitFor();
  return (await table.locator("tbody tr").allInnerTexts()).map((row) => row.split("\t").map((c) => c.trim()));
}

// A federation shared by every view's tests answers slowly at times: polls wait as long as Playwright's waits.
const POLL = { timeout: 30_000, interval: 250 };
const zhNumber = new Intl.NumberFormat("zh-CN");
const region = (page: Page, name: string): Locator => page.getByRole("region", { name });

interface AirAnswer {
  airStations: { division: { code: string; name: string } | null; readings: { aqi: number | null }[] }[];
}
interface WaterAnswer {
  waterSections: { readings: { qualityClass: string | null }[] }[];
}
interface PenaltiesAnswer {
  penalties: { totalCount: number; nodes: { decisionNumber: string | null; decidedOn: string | null; amountYuan: number | null; violation: string | null; status: string | null }[] };
}
interface InspectionsAnswer {
  enterprises: { nodes: { inspections: { kind: string; result: string }[] | null }[] };
}

/** kind → result → count, from an HTTP answer. */
function inspectionCounts(answer: InspectionsAnswer): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  for (const e of answer.enterprises.nodes)
    for (const i of e.inspections ?? []) {
      const row = counts.get(i.kind) ?? new Map<string, number>();
      row.set(i.result, (row.get(i.result) ?? 0) + 1);
      counts.set(i.kind, row);
    }
  return counts;
}

/** The inspections table as kind → result → count, read by its header row. */
async function shownInspections(table: Locator): Promise<Map<string, Map<string, number>>> {
  const header = (await table.locator("thead tr").innerText()).split("\t").map((c) => c.trim());
  const results = header.slice(1, -1);
  const shown = new Map<string, Map<string, number>>();
  for (const [kind = "", ...cells] of await rows(table)) {
    const row = new Map<string, number>();
    results.forEach((r, i) => {
      const n = Number((cells[i] ?? "").replace(/,/g, ""));
      if (n > 0) row.set(r, n);
    });
    // The last cell is the row's total.
    expect(Number((cells[results.length] ?? "").replace(/,/g, ""))).toBe([...row.values()].reduce((s, v) => s + v, 0));
    shown.set(kind, row);
  }
  return shown;
}

async function expectInspectionsMatch(h: ConsoleHarness, panel: Locator, token: string, purpose: string): Promise<void> {
  const { query, variables } = await shownQuery(panel);
  expect(query).toContain("inspections { kind result }");
  const answer = await graphql<InspectionsAnswer>(h, token, purpose, query, variables);
  expect(answer.errors).toEqual([]);
  const expected = inspectionCounts(answer.data!);
  expect(expected.size).toBeGreaterThan(0);
  // Polled: the previous province's table stays up while the new one loads.
  await expect.poll(async () => shownInspections(panel.getByRole("table", { name: "各检查类型的检查结果" })), POLL).toEqual(expected);
}

export function registerDashboardTests(harness: () => ConsoleHarness): void {
  describe("the console's dashboard view", () => {
    it("shows each panel's figures as its query returns them over HTTP, and denies inspections for WORK_REFERENCE", async () => {
      const h = harness();
      const token = await h.token("water");
      const page = await h.signedIn("water", [], "dashboard");
      await page.getByRole("heading", { name: "生态环境看板", level: 1 }).waitFor();

      // Air quality: the mean of each station's latest AQI per province, computed here.
      const air = region(page, "各省空气质量");
      const airShown = await rows(air.getByRole("table", { name: "各省最新 AQI 平均值" }));
      const airQuery = await shownQuery(air);
      expect(airQuery.query).toContain("airStations");
      expect(airQuery.query).toContain("readings(last: 1)");
      const airAnswer = await graphql<AirAnswer>(h, token, "WORK_REFERENCE", airQuery.query);
      expect(airAnswer.errors).toEqual([]);
      const byProvince = new Map<string, { name: string; aqis: number[] }>();
      for (const s of airAnswer.data!.airStations) {
        const group = byProvince.get(s.division!.code) ?? { name: s.division!.name, aqis: [] };
        const aqi = s.readings[0]?.aqi;
        if (typeof aqi === "number") group.aqis.push(aqi);
        byProvince.set(s.division!.code, group);
      }
      const airExpected = [...byProvince.keys()].sort().map((code) => {
        const { name, aqis } = byProvince.get(code)!;
        const mean = aqis.reduce((a, b) => a + b, 0) / aqis.length;
        return [name, zhNumber.format(aqis.length), aqis.length ? zhNumber.format(Math.round(mean * 10) / 10) : "—"];
      });
      expect(airExpected.length).toBeGreaterThan(5);
      expect(airShown).toEqual(airExpected);
      await air.getByTestId("chart-air").locator("canvas").first().waitFor();
      // The explorer opens exactly the query shown.
      const airLink = await air.getByRole("link", { name: "在探索中打开" }).getAttribute("href");
      const airTarget = new URL(airLink!, h.base);
      expect(airTarget.pathname).toBe("/console/explorer");
      expect(airTarget.searchParams.get("query")).toBe(airQuery.query);

      // Water: how many sections' latest reading is in each class.
      const water = region(page, "水质类别分布");
      const waterShown = await rows(water.getByRole("table", { name: "各水质类别的断面数" }));
      const waterQuery = await shownQuery(water);
      expect(waterQuery.query).toContain("waterSections");
      const waterAnswer = await graphql<WaterAnswer>(h, token, "WORK_REFERENCE", waterQuery.query);
      expect(waterAnswer.errors).toEqual([]);
      const classes = new Map<string, number>();
      for (const s of waterAnswer.data!.waterSections) {
        const c = s.readings[0]?.qualityClass ?? "无读数";
        classes.set(c, (classes.get(c) ?? 0) + 1);
      }
      expect(classes.size).toBeGreaterThan(2);
      expect(new Map(waterShown.map(([c = "", n = ""]) => [c, Number(n.replace(/,/g, ""))]))).toEqual(classes);
      // GB 3838's order, best class first.
      const order = ["I", "II", "III", "IV", "V", "劣V", "无读数"];
      const shownOrder = waterShown.map(([c]) => order.indexOf(c!));
      expect(shownOrder).toEqual([...shownOrder].sort((a, b) => a - b));
      expect(await water.locator("tfoot").innerText()).toContain(zhNumber.format(waterAnswer.data!.waterSections.length));
      await water.getByTestId("chart-water").locator("canvas").first().waitFor();

      // Penalties: the newest decisions, cell for cell.
      const penalties = region(page, "最近的行政处罚");
      const penaltiesShown = await rows(penalties.getByRole("table", { name: "最近的行政处罚决定" }));
      const penaltiesQuery = await shownQuery(penalties);
      expect(penaltiesQuery.query).toContain("penalties(first: $first)");
      expect(penaltiesQuery.variables).toEqual({ first: 10 });
      const penaltiesAnswer = await graphql<PenaltiesAnswer>(h, token, "WORK_REFERENCE", penaltiesQuery.query, penaltiesQuery.variables);
      expect(penaltiesAnswer.errors).toEqual([]);
      const penaltiesExpected = penaltiesAnswer.data!.penalties.nodes.map((p) => [
        p.decisionNumber ?? "—",
        p.decidedOn ?? "—",
        p.amountYuan === null ? "—" : zhNumber.format(p.amountYuan),
        p.violation ?? "—",
        p.status ?? "—",
      ]);
      expect(penaltiesExpected).toHaveLength(10);
      expect(penaltiesShown).toEqual(penaltiesExpected);
      expect(await penalties.locator(".hint").innerText()).toBe(`最新 10 条处罚决定（共 ${penaltiesAnswer.data!.penalties.totalCount} 条）。`);
      const penaltiesLink = new URL((await penalties.getByRole("link", { name: "在探索中打开" }).getAttribute("href"))!, h.base);
      expect(penaltiesLink.searchParams.get("query")).toBe(penaltiesQuery.query);
      expect(JSON.parse(penaltiesLink.searchParams.get("variables")!)).toEqual({ first: 10 });

      // Inspections are CONDITIONAL: water is in scope, but WORK_REFERENCE is not a purpose they
      // are shared for. The denial replaces the chart; the gateway says the same over HTTP.
      const inspections = region(page, "执法检查结果");
      const denied = inspections.getByTestId("denied-panel");
      await denied.waitFor();
      expect(await denied.innerText()).toContain("Enterprise.inspections");
      expect(await denied.innerText()).toContain("PURPOSE_NOT_ALLOWED");
      expect(await inspections.getByTestId("chart-inspections").count()).toBe(0);
      expect(await inspections.getByRole("table").count()).toBe(0);
      const inspectionsQuery = await shownQuery(inspections);
      const deniedAnswer = await graphql<InspectionsAnswer>(h, token, "WORK_REFERENCE", inspectionsQuery.query, inspectionsQuery.variables);
      expect(deniedAnswer.errors.map((e) => e.extensions?.share?.reason)).toContain("PURPOSE_NOT_ALLOWED");
      // Partial data (the enterprises came back, their inspections did not) is still a denial.
      expect(deniedAnswer.data?.enterprises.nodes.length).toBeGreaterThan(0);
    });

    it("draws the inspections chart instead of the denial for a purpose they are shared for, per province", async () => {
      const h = harness();
      const token = await h.token("water");
      const page = await h.signedIn("water", [], "dashboard");
      const inspections = region(page, "执法检查结果");
      await inspections.getByTestId("denied-panel").waitFor();
      await page.getByLabel("用途").selectOption("DATA_VERIFICATION");
      await inspections.getByTestId("chart-inspections").locator("canvas").first().waitFor();
      expect(await inspections.getByTestId("denied-panel").count()).toBe(0);
      await expectInspectionsMatch(h, inspections, token, "DATA_VERIFICATION");

      // Another province: its own counts, again as HTTP answers them.
      const province = inspections.getByLabel("省份");
      const options = await province.locator("option").allInnerTexts();
      expect(options.length).toBeGreaterThan(20);
      await province.selectOption({ label: "江苏省" });
      await expect.poll(async () => (await shownQuery(inspections)).variables["divisionCode"], POLL).toBe("320000");
      await expectInspectionsMatch(h, inspections, token, "DATA_VERIFICATION");
      await page.getByRole("heading", { name: "生态环境看板", level: 1 }).scrollIntoViewIfNeeded();
      await region(page, "各省空气质量").getByTestId("chart-air").locator("canvas").first().waitFor();
      await region(page, "水质类别分布").getByTestId("chart-water").locator("canvas").first().waitFor();
      await h.screenshot(page, "dashboard");
    });

    it("denies inspections to a unit out of their scope, and its apply files the application", async () => {
      const h = harness();
      const token = await h.token("permits");
      const page = await h.signedIn("permits", [], "dashboard");
      await page.getByLabel("用途").selectOption("DATA_VERIFICATION");
      const inspections = region(page, "执法检查结果");
      const denied = inspections.getByTestId("denied-panel");
      await expect.poll(async () => (await denied.count()) > 0 && (await denied.innerText()).includes("OUT_OF_SCOPE"), POLL).toBe(true);
      expect(await denied.innerText()).toContain("未向您共享 — 申请");
      expect(await inspections.getByTestId("chart-inspections").count()).toBe(0);
      // The other panels are not held back by the denial.
      await region(page, "各省空气质量").getByTestId("chart-air").locator("canvas").first().waitFor();
      await inspections.scrollIntoViewIfNeeded();
      await h.screenshot(page, "dashboard-denied");

      await inspections.getByRole("button", { name: "申请 — enforcement" }).click();
      const dialog = page.getByRole("dialog", { name: "申请共享" });
      await dialog.waitFor();
      const coordinates = await dialog.getByLabel(/^字段/).inputValue();
      expect(coordinates.split("\n")).toContain("Enterprise.inspections");
      expect(coordinates.split("\n")).toContain("Inspection.result");
      await dialog.getByLabel("用途").selectOption("DATA_VERIFICATION");
      const justification = `看板核验执法检查结果 ${Date.now()}`;
      await dialog.getByLabel("申请理由").fill(justification);
      await dialog.getByRole("button", { name: "提交申请" }).click();
      const filed = dialog.getByTestId("filed-application");
      await filed.waitFor();

      const answer = await graphql<{ applications: { id: string; provider: string; coordinates: string[]; purpose: string; justification: string; dueBy: string }[] }>(
        h,
        token,
        "DATA_VERIFICATION",
        "{ applications { id provider coordinates purpose justification dueBy } }",
      );
      const application = answer.data!.applications.find((a) => a.justification === justification);
      expect(application).toBeDefined();
      expect(application!.provider).toBe("enforcement");
      expect(application!.purpose).toBe("DATA_VERIFICATION");
      expect(application!.coordinates).toContain("Enterprise.inspections");
      expect(await filed.innerText()).toContain(application!.id);
      expect(await filed.getByTestId("due-by").innerText()).toBe(application!.dueBy);
    });

    it("loads each panel on its own: a failing one shows its coded error, a slow one its loading state", async () => {
      const h = harness();
      const page = await h.signedIn("water", [], "catalog");
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      const intercept = async (route: Route): Promise<void> => {
        const body = route.request().postData() ?? "";
        if (body.includes("WaterClassDistribution")) return route.abort("failed");
        if (body.includes("RecentPenalties")) await held;
        return route.continue();
      };
      await page.route(`${h.base}/graphql`, intercept);
      await page.getByRole("navigation").getByRole("link", { name: "看板" }).click();

      const air = region(page, "各省空气质量");
      const water = region(page, "水质类别分布");
      const penalties = region(page, "最近的行政处罚");
      await air.getByRole("table", { name: "各省最新 AQI 平均值" }).waitFor();
      await water.getByRole("alert").filter({ hasText: "NETWORK" }).waitFor();
      expect(await water.getByTestId("chart-water").count()).toBe(0);
      expect(await penalties.getByRole("status").innerText()).toBe("加载中…");
      expect(await penalties.getByRole("table").count()).toBe(0);

      release();
      await penalties.getByRole("table", { name: "最近的行政处罚决定" }).waitFor();
      expect(await penalties.getByRole("status").count()).toBe(0);
      await page.unroute(`${h.base}/graphql`, intercept);
      await water.getByRole("button", { name: "重试" }).click();
      await water.getByRole("table", { name: "各水质类别的断面数" }).waitFor();
      expect(await water.getByRole("alert").count()).toBe(0);

      // Every label has its English.
      await page.getByRole("button", { name: "English" }).click();
      await page.getByRole("heading", { name: "Environment dashboard", level: 1 }).waitFor();
      for (const name of ["Air quality by province", "Water-quality class distribution", "Recent penalties", "Inspection results"]) {
        expect(await region(page, name).count()).toBe(1);
      }
      await region(page, "Air quality by province").getByRole("table", { name: "Mean latest AQI per province" }).waitFor();
      expect(await region(page, "Recent penalties").getByRole("link", { name: "Open in explorer" }).count()).toBe(1);
      await page.getByRole("button", { name: "中文" }).click();
    });
  });
}
