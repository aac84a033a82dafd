import { join } from "node:path";
import Database from "better-sqlite3";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ask } from "../graphql-over-http.js";
import type { ConsoleHarness } from "../console-harness.js";

/*
 * The applications view (issue 16 item 4), each role's sections against the same queries over
 * HTTP, every action taken in the browser and its outcome read back over HTTP. Applications
 * are filed over HTTP (the catalog's test files one through the dialog), each test with its
 * own applicant and coordinate: nuclear, soil and audit ask info-center for
 * Enterprise.legalRepresentative, info-center asks nuclear for NuclearFacility.physicalProtectionPlan
 * (NOT_SHARED: the cac-office's), ext:mnr asks audit for AuditIntegrity.ok (external: the
 * leading group's first). general-office is the unit suspended and lifted.
 */

interface Application {
  id: string;
  applicant: string;
  provider: string;
  status: string;
  dueBy: string;
  reason: string | null;
  overdue: boolean;
  history: { action: string; reason: string | null }[];
}
const FIELDS = "id applicant provider status dueBy reason overdue history { action reason }";

async function apply(h: ConsoleHarness, unit: string, coordinates: string[], justification: string): Promise<Application> {
  const token = await h.token(unit);
  const data = await ask<{ applyForAccess: Application }>(h, token, `mutation ($input: ApplyInput!) { applyForAccess(input: $input) { ${FIELDS} } }`, {
    input: { coordinates, purpose: "WORK_REFERENCE", justification },
  });
  return data.applyForAccess;
}

async function applicationsAs(h: ConsoleHarness, unit: string, roles: string[], filter: Record<string, unknown>): Promise<Application[]> {
  const data = await ask<{ applications: Application[] }>(h, await h.token(unit, roles), `query ($f: ApplicationFilter) { applications(filter: $f) { ${FIELDS} } }`, { f: filter });
  return data.applications;
}

async function applicationAs(h: ConsoleHarness, unit: string, roles: string[], id: string): Promise<Application> {
  const data = await ask<{ application: Application }>(h, await h.token(unit, roles), `query ($id: ID!) { application(id: $id) { ${FIELDS} } }`, { id });
  return data.application;
}

/**
 * Time cannot be advanced in a running federation: an application "filed weeks ago" is one
 * whose due day is moved into the past in governance's store, which then reports it overdue.
 */
function backdate(h: ConsoleHarness, id: string): void {
  const db = new Database(join(h.dataDir, "governance.sqlite"));
  try {
    db.pragma("busy_timeout = 5000");
    expect(db.prepare("UPDATE applications SET due_by = '2026-01-05' WHERE id = ?").run(Number(id)).changes).toBe(1);
  } finally {
    db.close();
  }
}

/** What a page function may read of an element (the tests' tsconfig has no DOM library). */
interface Attributed {
  getAttribute(name: string): string | null;
}

const region = (page: Page, name: string): Locator => page.getByRole("region", { name });
const applicationRow = (within: Locator, id: string): Locator => within.locator(`[data-testid="application"][data-id="${id}"]`);

async function ids(within: Locator, testId: string): Promise<string[]> {
  return (await within.getByTestId(testId).evaluateAll((rows: Attributed[]) => rows.map((r) => r.getAttribute("data-id") ?? ""))).sort();
}

async function expectIds(within: Locator, testId: string, expected: string[]): Promise<void> {
  await expect.poll(() => ids(within, testId), POLL).toEqual([...expected].sort());
}

const SECTIONS = ["我单位的申请", "我单位的通知", "待我单位审批的申请", "我单位提供的授权", "待网信办协调的申请", "逾期未答复的申请", "暂停共享", "待领导小组审核的外部门申请", "目录版本"];

async function visibleSections(page: Page): Promise<string[]> {
  await region(page, "我单位的申请").waitFor();
  const shown: string[] = [];
  for (const name of SECTIONS) if ((await region(page, name).count()) > 0) shown.push(name);
  return shown;
}

/** How long a poll waits for the page to catch up with an action (a mutation, then the lists asked again). */
const POLL = { timeout: 15_000 };

export function registerApplicationsTests(harness: () => ConsoleHarness): void {
  describe("the console's applications view", () => {
    it("shows each requester only the sections its roles allow", async () => {
      const h = harness();
      expect(await visibleSections(await h.signedIn("permits", [], "applications"))).toEqual(["我单位的申请", "我单位的通知"]);
      expect(await visibleSections(await h.signedIn("permits", ["approver"], "applications"))).toEqual(["我单位的申请", "我单位的通知", "待我单位审批的申请", "我单位提供的授权"]);
      expect(await visibleSections(await h.signedIn("cac-office", ["cac-office"], "applications"))).toEqual(["我单位的申请", "我单位的通知", "待网信办协调的申请", "逾期未答复的申请", "暂停共享"]);
      expect(await visibleSections(await h.signedIn("leading-group", ["leading-group"], "applications"))).toEqual(["我单位的申请", "我单位的通知", "待领导小组审核的外部门申请", "目录版本"]);
    });

    it("as the applicant: my applications as the API lists them, withdraw a pending one, my notifications marked read", async () => {
      const h = harness();
      const filed = await apply(h, "nuclear", ["Enterprise.legalRepresentative"], `核设施周边企业法定代表人核对 ${Date.now()}`);
      expect(filed.status).toBe("PENDING");
      const page = await h.signedIn("nuclear", [], "applications");
      const mine = region(page, "我单位的申请");
      const expected = await applicationsAs(h, "nuclear", [], { applicant: "nuclear" });
      await expectIds(mine, "application", expected.map((a) => a.id));
      const row = applicationRow(mine, filed.id);
      expect(await row.getByTestId("due-by").innerText()).toBe(filed.dueBy);
      expect(await row.getByTestId("application-status").innerText()).toBe("待审批");
      expect(await row.innerText()).toContain("info-center");
      expect(await row.innerText()).toContain("Enterprise.legalRepresentative");

      // The status filter is in the URL.
      await mine.getByLabel("按状态筛选").selectOption("WITHDRAWN");
      expect(new URL(page.url()).searchParams.get("status")).toBe("WITHDRAWN");
      await expectIds(mine, "application", (await applicationsAs(h, "nuclear", [], { applicant: "nuclear", status: ["WITHDRAWN"] })).map((a) => a.id));
      await mine.getByLabel("按状态筛选").selectOption("");
      await row.waitFor();

      // Notifications: those the API lists for nuclear, the unread ones marked read in the browser.
      const notifications = region(page, "我单位的通知");
      const listed = await ask<{ notifications: { id: string; read: boolean }[] }>(h, await h.token("nuclear"), "{ notifications(first: 50) { id read } }");
      expect(listed.notifications.some((n) => !n.read)).toBe(true);
      await expectIds(notifications, "notification", listed.notifications.map((n) => n.id));
      await h.screenshot(page, "applications-mine");
      await notifications.getByRole("button", { name: "全部标为已读" }).click();
      await notifications.getByRole("status").filter({ hasText: `已将 ${listed.notifications.filter((n) => !n.read).length} 条通知标为已读` }).waitFor();
      await expect.poll(async () => (await ask<{ notifications: unknown[] }>(h, await h.token("nuclear"), "{ notifications(unread: true) { id } }")).notifications.length, POLL).toBe(0);

      // Withdraw, then it is closed: no second withdrawal offered, the API says WITHDRAWN.
      await row.getByRole("button", { name: "撤回" }).click();
      await expect.poll(() => row.getAttribute("data-status"), POLL).toBe("WITHDRAWN");
      expect(await row.getByRole("button", { name: "撤回" }).count()).toBe(0);
      expect((await applicationAs(h, "nuclear", [], filed.id)).status).toBe("WITHDRAWN");
      // A notification of the withdrawal arrived for nuclear too, unread.
      await expect.poll(() => notifications.locator('[data-testid="notification"][data-read="false"]').count(), POLL).toBeGreaterThan(0);
    });

    it("as the provider's approver: the queue with its due days, overdue in words; a reason is required to reject; the applicant escalates the rejection", async () => {
      const h = harness();
      const rejected = await apply(h, "soil", ["Enterprise.legalRepresentative"], `土壤修复责任人核对 ${Date.now()}`);
      const late = await apply(h, "audit", ["Enterprise.legalRepresentative"], `审计核对 ${Date.now()}`);
      backdate(h, late.id);

      const page = await h.signedIn("info-center", ["approver"], "applications");
      const queue = region(page, "待我单位审批的申请");
      const pending = await applicationsAs(h, "info-center", ["approver"], { provider: "info-center", status: ["PENDING"] });
      expect(pending.map((a) => a.id)).toContain(late.id);
      await expectIds(queue, "application", pending.map((a) => a.id));
      for (const a of pending) expect(await applicationRow(queue, a.id).getByTestId("due-by").innerText()).toContain(a.dueBy);

      // Overdue: the API says so, and the row says so in words and with the overdue class.
      expect(pending.find((a) => a.id === late.id)!.overdue).toBe(true);
      const lateDue = applicationRow(queue, late.id).getByTestId("due-by");
      expect(await lateDue.innerText()).toBe("2026-01-05 逾期");
      expect(await lateDue.getAttribute("class")).toBe("overdue");
      const onTime = applicationRow(queue, rejected.id).getByTestId("due-by");
      expect(await onTime.innerText()).toBe(rejected.dueBy);
      expect(await onTime.getAttribute("class")).toBeNull();
      await queue.scrollIntoViewIfNeeded();
      await h.screenshot(page, "applications-approver");

      // Rejecting without a reason: governance's code, shown on the row; then with one.
      const row = applicationRow(queue, rejected.id);
      await row.getByRole("button", { name: "驳回" }).click();
      await row.getByRole("alert").filter({ hasText: "REASON_REQUIRED" }).waitFor();
      expect((await applicationAs(h, "soil", [], rejected.id)).status).toBe("PENDING");
      await row.getByLabel(`申请 ${rejected.id} 的理由`).fill("土壤部门不需要法定代表人信息");
      await row.getByRole("button", { name: "驳回" }).click();
      await row.waitFor({ state: "detached" });
      const answered = await applicationAs(h, "soil", [], rejected.id);
      expect(answered.status).toBe("REJECTED");
      expect(answered.reason).toBe("土壤部门不需要法定代表人信息");

      // The overdue one approved: its grant appears among those info-center provides, then is revoked with a reason.
      await applicationRow(queue, late.id).getByRole("button", { name: "同意" }).click();
      await applicationRow(queue, late.id).waitFor({ state: "detached" });
      const grants = region(page, "我单位提供的授权");
      const provided = await ask<{ grants: { id: string; applicationId: string }[] }>(h, await h.token("info-center", ["approver"]), '{ grants(filter: { provider: "info-center" }) { id applicationId } }');
      await expectIds(grants, "grant", provided.grants.map((g) => g.id));
      const grant = grants.locator(`[data-testid="grant"][data-application="${late.id}"]`);
      expect(await grant.getAttribute("data-status")).toBe("ACTIVE");
      await grant.getByRole("button", { name: "撤销授权" }).click();
      await grant.getByRole("alert").filter({ hasText: "REASON_REQUIRED" }).waitFor();
      const grantId = (await grant.getAttribute("data-id"))!;
      await grant.getByLabel(`撤销授权 ${grantId} 的理由`).fill("审计核对已完成");
      await grant.getByRole("button", { name: "撤销授权" }).click();
      await expect.poll(() => grant.getAttribute("data-status"), POLL).toBe("REVOKED");
      expect(await grant.innerText()).toContain("审计核对已完成");

      // The applicant sees the rejection with its reason and history, and escalates it with a note.
      const soil = await h.signedIn("soil", [], "applications");
      const mine = applicationRow(region(soil, "我单位的申请"), rejected.id);
      await mine.waitFor();
      expect(await mine.getAttribute("data-status")).toBe("REJECTED");
      expect(await mine.getByTestId("application-reason").innerText()).toBe("土壤部门不需要法定代表人信息");
      await mine.getByRole("button", { name: `查看申请 ${rejected.id} 的历史` }).click();
      const history = soil.getByRole("list", { name: `历史 ${rejected.id}`, exact: true });
      expect(await history.locator("li").evaluateAll((events: Attributed[]) => events.map((e) => e.getAttribute("data-action")))).toEqual(["APPLY", "DECIDE"]);
      await mine.getByLabel(`申请 ${rejected.id} 的说明`).fill("执法需要，请网信办协调");
      await mine.getByRole("button", { name: "提请网信办协调" }).click();
      await expect.poll(() => mine.getAttribute("data-status"), POLL).toBe("ESCALATED");
      expect(await history.locator("li").evaluateAll((events: Attributed[]) => events.map((e) => e.getAttribute("data-action")))).toEqual(["APPLY", "DECIDE", "ESCALATE"]);
      expect(await history.innerText()).toContain("执法需要，请网信办协调");
      expect((await applicationAs(h, "soil", [], rejected.id)).status).toBe("ESCALATED");
    });

    it("as the cac-office: coordinates an escalated application with its reason, lists the overdue ones, suspends and lifts a unit", async () => {
      const h = harness();
      const escalated = await apply(h, "info-center", ["NuclearFacility.physicalProtectionPlan"], `核安保计划协调申请 ${Date.now()}`);
      expect(escalated.status).toBe("ESCALATED");
      backdate(h, escalated.id);
      const cac = await h.token("cac-office", ["cac-office"]);
      const page = await h.signedIn("cac-office", ["cac-office"], "applications");

      const overdue = region(page, "逾期未答复的申请");
      const listed = await ask<{ overdueApplications: Application[] }>(h, cac, `{ overdueApplications { ${FIELDS} } }`);
      expect(listed.overdueApplications.map((a) => a.id)).toContain(escalated.id);
      await expectIds(overdue, "application", listed.overdueApplications.map((a) => a.id));
      expect(await applicationRow(overdue, escalated.id).getByTestId("due-by").innerText()).toBe("2026-01-05 逾期");

      const queue = region(page, "待网信办协调的申请");
      const all = await applicationsAs(h, "cac-office", ["cac-office"], { status: ["ESCALATED", "PENDING"] });
      const awaiting = all.filter((a) => a.status === "ESCALATED" || a.applicant.startsWith("ext:"));
      await expectIds(queue, "application", awaiting.map((a) => a.id));
      const row = applicationRow(queue, escalated.id);
      await row.getByRole("button", { name: "同意" }).click();
      await row.getByRole("alert").filter({ hasText: "REASON_REQUIRED" }).waitFor();
      await row.getByLabel(`申请 ${escalated.id} 的理由`).fill("经协调，同意用于核安全联合检查");
      await row.getByRole("button", { name: "同意" }).click();
      await row.waitFor({ state: "detached" });
      const coordinated = await applicationAs(h, "cac-office", ["cac-office"], escalated.id);
      expect(coordinated.status).toBe("APPROVED");
      expect(coordinated.history.map((e) => e.action)).toEqual(["APPLY", "COORDINATE"]);
      await applicationRow(overdue, escalated.id).waitFor({ state: "detached" });

      // Suspend general-office with a reason, then lift it with another.
      const suspensions = region(page, "暂停共享");
      await suspensions.getByLabel("暂停的单位").fill("general-office");
      await suspensions.getByRole("button", { name: "暂停共享" }).click();
      await suspensions.getByRole("alert").filter({ hasText: "REASON_REQUIRED" }).waitFor();
      await suspensions.getByLabel("暂停理由").fill("拒不整改共享数据错误");
      await suspensions.getByRole("button", { name: "暂停共享" }).click();
      const suspended = suspensions.locator('[data-testid="suspension"][data-unit="general-office"][data-active="true"]');
      await suspended.waitFor();
      expect(await suspended.innerText()).toContain("拒不整改共享数据错误");
      const inForce = await ask<{ suspensions: { unit: string; active: boolean; until: string }[] }>(h, cac, "{ suspensions { unit active until } }");
      const record = inForce.suspensions.find((s) => s.unit === "general-office" && s.active);
      expect(record).toBeDefined();
      expect(await suspended.innerText()).toContain(record!.until);
      await suspensions.scrollIntoViewIfNeeded();
      await h.screenshot(page, "applications-cac-office");

      await suspended.getByLabel("解除 general-office 暂停的理由").fill("已完成整改");
      await suspended.getByRole("button", { name: "解除暂停" }).click();
      await suspended.waitFor({ state: "detached" });
      const lifted = suspensions.locator('[data-testid="suspension"][data-unit="general-office"][data-active="false"]').first();
      expect(await lifted.innerText()).toContain("已完成整改");
      const after = await ask<{ suspensions: { unit: string; active: boolean; liftReason: string | null }[] }>(h, cac, "{ suspensions { unit active liftReason } }");
      expect(after.suspensions.filter((s) => s.unit === "general-office" && s.active)).toEqual([]);
      expect(after.suspensions.map((s) => s.liftReason)).toContain("已完成整改");
    });

    it("as the leading group: endorses an external department's application and sees the catalog versions", async () => {
      const h = harness();
      const external = await apply(h, "ext:mnr", ["AuditIntegrity.ok"], `自然资源部核对审计完整性 ${Date.now()}`);
      expect(external.status).toBe("AWAITING_ENDORSEMENT");
      const lg = await h.token("leading-group", ["leading-group"]);
      const page = await h.signedIn("leading-group", ["leading-group"], "applications");

      const versions = region(page, "目录版本");
      const listed = await ask<{ catalogVersions: { version: number; status: string; digest: string }[] }>(h, lg, "{ catalogVersions { version status digest } }");
      expect(listed.catalogVersions.length).toBeGreaterThan(0);
      const rows = versions.getByTestId("catalog-version-row");
      await expect.poll(() => rows.count(), POLL).toBe(listed.catalogVersions.length);
      for (const v of listed.catalogVersions) {
        const row = versions.locator(`[data-testid="catalog-version-row"][data-version="${v.version}"]`);
        expect(await row.getAttribute("data-status")).toBe(v.status);
        expect(await row.innerText()).toContain(v.digest.slice(0, 12));
        // A draft offers publication (not clicked: the catalog is every view's tests').
        expect(await row.getByRole("button", { name: `发布版本 ${v.version}` }).count()).toBe(v.status === "DRAFT" ? 1 : 0);
      }

      const queue = region(page, "待领导小组审核的外部门申请");
      const awaiting = await applicationsAs(h, "leading-group", ["leading-group"], { status: ["AWAITING_ENDORSEMENT"] });
      await expectIds(queue, "application", awaiting.map((a) => a.id));
      const row = applicationRow(queue, external.id);
      expect(await row.getByTestId("due-by").innerText()).toBe(external.dueBy);
      await row.getByLabel(`申请 ${external.id} 的理由`).fill("同意报送网信办");
      await row.getByRole("button", { name: "同意报送" }).click();
      await row.waitFor({ state: "detached" });
      expect((await applicationAs(h, "leading-group", ["leading-group"], external.id)).status).toBe("PENDING");

      // Endorsed, it waits for the cac-office, not for the provider's approver.
      const cac = await h.signedIn("cac-office", ["cac-office"], "applications");
      await applicationRow(region(cac, "待网信办协调的申请"), external.id).waitFor();
      const audit = await h.signedIn("audit", ["approver"], "applications");
      const auditRow = applicationRow(region(audit, "待我单位审批的申请"), external.id);
      await auditRow.waitFor();
      expect(await auditRow.getByRole("button", { name: "同意" }).count()).toBe(0);
    });
  });
}
