import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ask } from "../graphql-over-http.js";
import type { ConsoleHarness } from "../console-harness.js";

/*
 * The resource catalog (issue 16 item 3). What the page lists is checked against the same
 * `catalog` query sent over HTTP as the same unit and purpose: every coordinate, each filter's
 * rows (the unit filter against the server's own `catalog(unit:)`), and "readable now" against
 * each item's `access`. The apply test goes on into the applications view as the provider's
 * approver. Units and coordinates: soil and atmosphere only, so no other view's test is touched.
 */

interface Item {
  coordinate: string;
  owner: string;
  sharingClass: string | null;
  scope: string[];
  purposes: string[];
  access: { decision: string; reason: string; apply: { provider: string; coordinates: string[]; workingDays: number } | null };
}
interface Resource {
  name: string;
  owner: string;
  contributors: string[];
  category: string | null;
  items: Item[];
}
interface CatalogAnswer {
  catalog: { version: number; status: string; published: boolean; problems: { code: string; subject: string }[]; flags: { code: string; subject: string }[]; resources: Resource[] };
}

const CATALOG = `query ($unit: String) { catalog(unit: $unit) {
  version status published problems { code subject } flags { code subject }
  resources { name owner contributors category items { coordinate owner sharingClass scope purposes access { decision reason apply { provider coordinates workingDays } } } }
} }`;

const graphql = <T>(h: ConsoleHarness, token: string, purpose: string, query: string, variables: Record<string, unknown> = {}): Promise<T> =>
  ask<T>(h, token, query, variables, purpose);

/** What a page function may read of an element (the tests' tsconfig has no DOM library). */
interface Attributed {
  getAttribute(name: string): string | null;
}

const items = (answer: CatalogAnswer): Item[] => answer.catalog.resources.flatMap((r) => r.items);
const sorted = (values: Iterable<string>): string[] => [...values].sort();

/** The coordinates of the item rows the page shows now. */
async function shownCoordinates(page: Page): Promise<string[]> {
  const rows = page.getByTestId("catalog-item");
  return sorted(await rows.evaluateAll((rows: Attributed[]) => rows.map((r) => r.getAttribute("data-coordinate") ?? "")));
}

/** Waits until the rows shown are `expected` (a filter re-renders at once, but the first load takes a moment). */
async function expectRows(page: Page, expected: string[]): Promise<void> {
  await expect.poll(() => shownCoordinates(page), POLL).toEqual(sorted(expected));
}

const itemRow = (page: Page, coordinate: string): Locator => page.locator(`[data-testid="catalog-item"][data-coordinate="${coordinate}"]`);

/** How long a poll waits for the page to catch up with an action (a mutation, then the lists asked again). */
const POLL = { timeout: 15_000 };

export function registerCatalogTests(harness: () => ConsoleHarness): void {
  describe("the console's catalog view", () => {
    it("lists every resource and item of the catalog, each with its entry and my access now, as the API answers them", async () => {
      const h = harness();
      const token = await h.token("soil");
      const expected = await graphql<CatalogAnswer>(h, token, "WORK_REFERENCE", CATALOG);
      const all = items(expected);
      expect(all.length).toBeGreaterThan(100);

      const page = await h.signedIn("soil", [], "catalog");
      await expectRows(page, all.map((i) => i.coordinate));
      expect(await page.getByTestId("catalog-resource").count()).toBe(expected.catalog.resources.length);
      expect(await page.getByTestId("catalog-count").innerText()).toBe(`显示 ${all.length} / ${all.length} 个信息项，${expected.catalog.resources.length} 个资源`);
      await h.screenshot(page, "catalog");

      // Version, status and the checks' findings, as the API states them.
      const header = page.getByTestId("catalog-version");
      expect(await header.innerText()).toContain(`目录版本 ${expected.catalog.version}`);
      expect(await page.getByTestId("catalog-status").innerText()).toBe(expected.catalog.status === "PUBLISHED" ? "已发布" : "草稿");
      const flags = page.getByTestId("catalog-flags");
      if (expected.catalog.flags.length > 0) {
        await flags.locator("summary").click();
        expect(await flags.locator("summary").innerText()).toContain(`（${expected.catalog.flags.length}）`);
        for (const f of expected.catalog.flags) expect(await flags.innerText()).toContain(f.subject);
      } else expect(await flags.count()).toBe(0);
      expect(await page.getByTestId("catalog-problems").count()).toBe(expected.catalog.problems.length > 0 ? 1 : 0);

      // A CONDITIONAL, masked-out-of-scope item: each column from the API's entry.
      const masked = all.find((i) => i.access.decision === "MASKED" && i.access.apply);
      expect(masked).toBeDefined();
      const row = itemRow(page, masked!.coordinate);
      const text = await row.innerText();
      expect(text).toContain(masked!.owner);
      expect(text).toContain("有条件共享");
      expect(text).toContain(masked!.scope.join(", "));
      expect(text).toContain("脱敏");
      expect(text).toContain(masked!.access.reason);
      expect(text).toContain(`向 ${masked!.access.apply!.provider} 申请，${masked!.access.apply!.workingDays} 个工作日内答复`);
      expect(await row.getByRole("button", { name: `申请 ${masked!.coordinate}` }).count()).toBe(1);

      // A readable item has no apply button; a resource shows its lead unit and contributors.
      const readable = all.find((i) => i.access.decision === "ALLOWED")!;
      expect(await itemRow(page, readable.coordinate).getByRole("button").count()).toBe(0);
      const joint = expected.catalog.resources.find((r) => r.contributors.length > 0) ?? expected.catalog.resources[0]!;
      const section = page.locator(`[data-testid="catalog-resource"][data-resource="${joint.name}"]`);
      expect(await section.getByRole("heading", { level: 2 }).innerText()).toBe(joint.name);
      expect(await section.getByTestId("resource-owner").innerText()).toBe(joint.owner);
      for (const c of joint.contributors) expect(await section.innerText()).toContain(c);
    });

    it("narrows the rows by unit, class, purpose and my access, in a URL that opens the same filtered catalog", async () => {
      const h = harness();
      const token = await h.token("soil");
      const expected = await graphql<CatalogAnswer>(h, token, "WORK_REFERENCE", CATALOG);
      const all = items(expected);
      const page = await h.signedIn("soil", [], "catalog");
      await expectRows(page, all.map((i) => i.coordinate));
      const filters = page.getByRole("search", { name: "筛选目录" });

      // The unit filter against the server's own narrowing.
      const enforcement = items(await graphql<CatalogAnswer>(h, token, "WORK_REFERENCE", CATALOG, { unit: "enforcement" }));
      expect(enforcement.length).toBeGreaterThan(0);
      expect(enforcement.length).toBeLessThan(all.length);
      await filters.getByLabel("提供单位").selectOption("enforcement");
      await expectRows(page, enforcement.map((i) => i.coordinate));

      await filters.getByLabel("提供单位").selectOption("");
      await filters.getByLabel("共享类型").selectOption("CONDITIONAL");
      const conditional = all.filter((i) => i.sharingClass === "CONDITIONAL");
      expect(conditional.length).toBeGreaterThan(0);
      await expectRows(page, conditional.map((i) => i.coordinate));

      await filters.getByLabel("共享类型").selectOption("");
      await filters.getByLabel("使用要求").selectOption("WORK_REFERENCE");
      const forWork = all.filter((i) => i.purposes.includes("WORK_REFERENCE"));
      expect(forWork.length).toBeLessThan(all.length);
      await expectRows(page, forWork.map((i) => i.coordinate));

      await filters.getByLabel("使用要求").selectOption("");
      await filters.getByLabel("我现在的访问").selectOption("unreadable");
      const unreadable = all.filter((i) => i.access.decision !== "ALLOWED");
      expect(unreadable.length).toBeGreaterThan(0);
      await expectRows(page, unreadable.map((i) => i.coordinate));
      await filters.getByLabel("我现在的访问").selectOption("readable");
      await expectRows(page, all.filter((i) => i.access.decision === "ALLOWED").map((i) => i.coordinate));

      // Filters combine, and live in the URL: a new tab opened on it shows the same rows.
      await filters.getByLabel("我现在的访问").selectOption("unreadable");
      await filters.getByLabel("提供单位").selectOption("enforcement");
      const both = enforcement.filter((i) => i.access.decision !== "ALLOWED");
      expect(both.length).toBeGreaterThan(0);
      await expectRows(page, both.map((i) => i.coordinate));
      const url = new URL(page.url());
      expect(url.pathname).toBe("/console/catalog");
      expect(Object.fromEntries(url.searchParams)).toEqual({ unit: "enforcement", access: "unreadable" });
      const linked = await h.signedIn("soil", [], `catalog${url.search}`);
      await expectRows(linked, both.map((i) => i.coordinate));
      expect(await linked.getByLabel("提供单位").inputValue()).toBe("enforcement");

      // "Readable now" follows the session's purpose: the access the API answers for the new one.
      const verification = items(await graphql<CatalogAnswer>(h, token, "DATA_VERIFICATION", CATALOG));
      await linked.getByRole("banner").getByLabel("用途").selectOption("DATA_VERIFICATION");
      const unreadableNow = verification.filter((i) => i.owner === "enforcement" && i.access.decision !== "ALLOWED");
      expect(sorted(unreadableNow.map((i) => i.coordinate))).not.toEqual(sorted(both.map((i) => i.coordinate)));
      await expectRows(linked, unreadableNow.map((i) => i.coordinate));

      await filters.getByRole("button", { name: "清除筛选" }).click();
      await expectRows(page, all.map((i) => i.coordinate));
      expect(new URL(page.url()).search).toBe("");
    });

    it("applies for an item I cannot read, pre-filled from its access; the provider's approver approves it and I see it APPROVED with its history", async () => {
      const h = harness();
      const token = await h.token("atmosphere");
      const expected = items(await graphql<CatalogAnswer>(h, token, "WORK_REFERENCE", CATALOG));
      const item = expected.find((i) => i.coordinate === "Enterprise.legalRepresentative");
      expect(item?.access.apply).toBeTruthy();
      const hint = item!.access.apply!;

      const page = await h.signedIn("atmosphere", [], "catalog?access=unreadable");
      await itemRow(page, item!.coordinate).getByRole("button", { name: `申请 ${item!.coordinate}` }).click();
      const dialog = page.getByRole("dialog", { name: "申请共享" });
      await dialog.waitFor();
      expect(await dialog.innerText()).toContain(hint.provider);
      expect((await dialog.getByLabel(/^字段/).inputValue()).split("\n")).toEqual(hint.coordinates);
      expect(await dialog.getByLabel("用途").inputValue()).toBe("WORK_REFERENCE");
      const justification = `大气执法需核对法定代表人 ${Date.now()}`;
      await dialog.getByLabel("申请理由").fill(justification);
      await dialog.getByRole("button", { name: "提交申请" }).click();
      const filed = dialog.getByTestId("filed-application");
      await filed.waitFor();
      const mine = await graphql<{ applications: { id: string; status: string; dueBy: string; provider: string; coordinates: string[]; justification: string }[] }>(
        h, token, "WORK_REFERENCE", "query ($f: ApplicationFilter) { applications(filter: $f) { id status dueBy provider coordinates justification } }", { f: { applicant: "atmosphere" } },
      );
      const application = mine.applications.find((a) => a.justification === justification);
      expect(application).toBeDefined();
      expect(application!.provider).toBe(hint.provider);
      expect(application!.coordinates).toEqual(hint.coordinates);
      expect(application!.status).toBe("PENDING");
      expect(await filed.innerText()).toContain(application!.id);
      expect(await filed.getByTestId("due-by").innerText()).toBe(application!.dueBy);
      await dialog.getByRole("button", { name: "关闭" }).click();

      // The provider's approver, in a page of its own, finds it in its queue and approves it.
      const approver = await h.signedIn(hint.provider, ["approver"], "applications");
      const queue = approver.getByRole("region", { name: "待我单位审批的申请" });
      const queued = queue.locator(`[data-testid="application"][data-id="${application!.id}"]`);
      await queued.waitFor();
      expect(await queued.getByTestId("due-by").innerText()).toBe(application!.dueBy);
      await queued.getByLabel(`申请 ${application!.id} 的理由`).fill("同意用于大气执法核对");
      await queued.getByRole("button", { name: "同意" }).click();
      await queued.waitFor({ state: "detached" });
      const grants = approver.getByRole("region", { name: "我单位提供的授权" });
      await grants.locator(`[data-testid="grant"][data-application="${application!.id}"][data-status="ACTIVE"]`).waitFor();

      // As the applicant: APPROVED, with its history from filing to approval.
      await page.goto(`${h.base}/console/applications`);
      const row = page.getByRole("region", { name: "我单位的申请" }).locator(`[data-testid="application"][data-id="${application!.id}"]`);
      await row.waitFor();
      await expect.poll(() => row.getAttribute("data-status"), POLL).toBe("APPROVED");
      expect(await row.getByTestId("application-status").innerText()).toContain("已同意");
      await row.getByRole("button", { name: `查看申请 ${application!.id} 的历史` }).click();
      const history = page.getByRole("list", { name: `历史 ${application!.id}`, exact: true });
      await history.waitFor();
      const events = await history.locator("li").evaluateAll((events: Attributed[]) => events.map((e) => e.getAttribute("data-action") ?? ""));
      expect(events).toEqual(["APPLY", "DECIDE"]);
      expect(await history.innerText()).toContain("同意用于大气执法核对");

      // And the catalog now reads it as granted.
      await page.goto(`${h.base}/console/catalog?unit=${hint.provider}`);
      const granted = itemRow(page, item!.coordinate);
      await granted.waitFor();
      expect(await granted.getAttribute("data-decision")).toBe("ALLOWED");
      expect(await granted.innerText()).toContain("GRANTED");
    });
  });
}
