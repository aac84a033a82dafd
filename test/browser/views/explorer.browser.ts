import type { Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { postGraphQL } from "../../helpers/graphql-client.js";
import type { ConsoleHarness } from "../console-harness.js";

interface Decision {
  coordinate: string;
  owner: string;
  shareClass: string | null;
  decision: string;
  reason: string;
  apply: { provider: string; coordinates: string[] } | null;
}

interface Inspection {
  date: string | null;
  kind: string | null;
  result: string | null;
}

const EXPLAIN = `query($q: String!, $purpose: SharePurpose) {
  explain(query: $q, purpose: $purpose) { coordinate owner shareClass decision reason apply { provider coordinates } }
}`;

// The response pane wraps long lines: compare its JSON with whitespace removed.
const text = async (locator: Locator): Promise<string> => (await locator.innerText()).replace(/\s+/g, "");

/** The explorer view's browser tests: registered by console.test.ts, which runs one federation and one browser for all. */
export function registerExplorerTests(harness: () => ConsoleHarness): void {
  describe("the console's explorer view", () => {
    let errorsBefore = 0;
    let operation = "";
    let firstInspection: Inspection;

    const gql = async <T>(unit: string, roles: string[], purpose: string, query: string, variables: Record<string, unknown> = {}): Promise<{ data?: T | null; errors?: { message: string; extensions?: Record<string, unknown> }[] }> => {
      const token = await harness().token(unit, roles);
      const res = await postGraphQL(`${harness().base}/graphql`, query, variables, { authorization: `Bearer ${token}`, "x-share-purpose": purpose });
      return res.body as { data?: T | null };
    };
    const explain = async (unit: string, purpose: string, q: string): Promise<Decision[]> => {
      const body = await gql<{ explain: Decision[] }>(unit, [], purpose, EXPLAIN, { q, purpose });
      expect(body.errors ?? []).toEqual([]);
      return body.data!.explain;
    };

    const open = (unit: string, query: string): Promise<Page> => harness().signedIn(unit, [], `explorer?query=${encodeURIComponent(query)}`);
    const explainRow = (page: Page, coordinate: string): Locator =>
      page.getByRole("list", { name: "各字段的共享判定" }).getByRole("listitem").filter({ has: page.getByTestId("coordinate").getByText(coordinate, { exact: true }) });
    const purposePicker = (page: Page): Locator => page.getByRole("banner").getByLabel("用途");
    const responsePane = (page: Page): Locator => page.getByRole("region", { name: "Result Window" });
    const run = async (page: Page): Promise<void> => {
      await page.getByRole("button", { name: /^Execute query/ }).click();
    };
    /** Runs the operation and waits for the response pane and the run summary of this run. */
    const runAndRead = async (page: Page, until: (response: string) => boolean): Promise<string> => {
      const id = page.getByTestId("run-request-id");
      const before = (await id.count()) > 0 ? await id.textContent() : null;
      await run(page);
      await expect.poll(async () => (await id.count()) > 0 && (await id.textContent()) !== before, { timeout: 15_000 }).toBe(true);
      await expect.poll(async () => until(await text(responsePane(page))), { timeout: 15_000 }).toBe(true);
      return text(responsePane(page));
    };

    beforeAll(async () => {
      errorsBefore = harness().pageErrors.length;
      // An enterprise with inspections, read as enforcement (its own data, allowed for any purpose).
      const own = await gql<{ enterprises: { nodes: { creditCode: string; inspections: Inspection[] | null }[] } }>(
        "enforcement",
        [],
        "WORK_REFERENCE",
        "{ enterprises(first: 100) { nodes { creditCode inspections { date kind result } } } }",
      );
      const withInspections = own.data!.enterprises.nodes.find((n) => (n.inspections ?? []).length > 0);
      expect(withInspections).toBeDefined();
      firstInspection = withInspections!.inspections![0]!;
      operation = `query EnterpriseInspections {\n  enterprise(creditCode: "${withInspections!.creditCode}") {\n    name\n    inspections { date kind result }\n  }\n}`;
    });

    it("explains and runs an operation with the session's token and purpose, again when the purpose changes", async () => {
      const asked = await explain("water", "WORK_REFERENCE", operation);
      const inspections = asked.find((d) => d.coordinate === "Enterprise.inspections");
      // Water is in the field's scope, but WORK_REFERENCE is not among its purposes.
      expect(inspections).toMatchObject({ decision: "DENIED", reason: "PURPOSE_NOT_ALLOWED", owner: "enforcement", shareClass: "CONDITIONAL" });

      const page = await open("water", operation);
      await explainRow(page, "Enterprise.inspections").getByText("PURPOSE_NOT_ALLOWED").waitFor();
      // Every coordinate explain decided, as the gateway decided it.
      expect(await page.getByRole("list", { name: "各字段的共享判定" }).getByRole("listitem").count()).toBe(asked.length);
      for (const d of asked) {
        const row = explainRow(page, d.coordinate);
        expect(await row.getByTestId("decision").textContent()).toBe(d.decision);
        expect(await row.getByTestId("decision").getAttribute("class")).toBe(`decision-${d.decision}`);
        expect(await row.getByTestId("reason").textContent()).toBe(d.reason);
        expect(await row.getByTestId("owner").textContent()).toBe(d.owner);
      }
      const hint = explainRow(page, "Enterprise.inspections").getByTestId("apply-hint");
      expect(await hint.textContent()).toContain(inspections!.apply!.provider);
      for (const c of inspections!.apply!.coordinates) expect(await hint.textContent()).toContain(c);

      const denied = await runAndRead(page, (r) => r.includes("SHARE_DENIED"));
      expect(denied).toContain('"code":"SHARE_DENIED"');
      expect(await page.getByTestId("run-summary").textContent()).toContain("1 处字段被拒绝");

      // The top bar's purpose: explain is asked again for it, and the next run declares it.
      const verified = await explain("water", "DATA_VERIFICATION", operation);
      expect(verified.find((d) => d.coordinate === "Enterprise.inspections")).toMatchObject({ decision: "ALLOWED" });
      await purposePicker(page).selectOption("DATA_VERIFICATION");
      await explainRow(page, "Enterprise.inspections").getByTestId("decision").getByText("ALLOWED", { exact: true }).waitFor();
      expect(await page.getByText("“数据核验”").count()).toBe(1);
      const read = await runAndRead(page, (r) => !r.includes("SHARE_DENIED") && r.includes('"inspections":'));
      expect(read).toContain(`"date":"${firstInspection.date}"`);
      expect(await page.getByTestId("run-summary").textContent()).toContain("无错误");
      await harness().screenshot(page, "explorer");

      // GraphiQL keeps its tabs in localStorage: the token never goes there.
      const token = await page.evaluate<string | null>('sessionStorage.getItem("ecofed.token")');
      const local = await page.evaluate<string>("JSON.stringify(Object.values(localStorage))");
      expect(token).toBeTruthy();
      expect(local).not.toContain(token!);
    }, 120_000);

    it("files the application explain points to; once approved, the next run reads the field", async () => {
      // Nuclear is outside Enterprise.inspections' scope: denied for an allowed purpose until granted.
      const asked = await explain("nuclear", "DATA_VERIFICATION", operation);
      const denied = asked.find((d) => d.coordinate === "Enterprise.inspections");
      expect(denied).toMatchObject({ decision: "DENIED", reason: "OUT_OF_SCOPE", apply: { provider: "enforcement" } });
      const coordinates = denied!.apply!.coordinates;

      const page = await open("nuclear", operation);
      await purposePicker(page).selectOption("DATA_VERIFICATION");
      const row = explainRow(page, "Enterprise.inspections");
      await row.getByText("OUT_OF_SCOPE").waitFor();
      expect(await row.getByTestId("decision").textContent()).toBe("DENIED");
      expect(await runAndRead(page, (r) => r.includes("SHARE_DENIED"))).toContain('"code":"SHARE_DENIED"');

      // The row's own button and the provider's both open the same application here (one denied field).
      expect(await row.getByRole("button", { name: "申请 Enterprise.inspections" }).count()).toBe(1);
      await page.getByRole("button", { name: `申请 enforcement 的全部被拒字段（${coordinates.length} 个）` }).click();
      const dialog = page.getByRole("dialog");
      expect((await dialog.getByLabel("字段", { exact: false }).inputValue()).split("\n")).toEqual(coordinates);
      expect(await dialog.getByLabel("用途", { exact: true }).inputValue()).toBe("DATA_VERIFICATION");
      await dialog.getByLabel("申请理由").fill("核实核设施周边企业的现场检查记录");
      await dialog.getByRole("button", { name: "提交申请" }).click();
      const filed = dialog.getByTestId("filed-application");
      await filed.waitFor();
      const id = /已提交申请 (\S+)/.exec((await filed.getByText("已提交申请").textContent()) ?? "")?.[1];
      expect(id).toBeTruthy();
      const mine = await gql<{ application: { dueBy: string; status: string; provider: string; coordinates: string[] } }>(
        "nuclear",
        [],
        "DATA_VERIFICATION",
        "query($id: ID!) { application(id: $id) { dueBy status provider coordinates } }",
        { id },
      );
      expect(mine.data!.application).toMatchObject({ status: "PENDING", provider: "enforcement" });
      expect([...mine.data!.application.coordinates].sort()).toEqual([...coordinates].sort());
      expect(await filed.getByTestId("due-by").textContent()).toBe(mine.data!.application.dueBy);
      await harness().screenshot(page, "explorer-apply");
      await dialog.getByRole("button", { name: "关闭" }).click();

      // The provider's approver approves it, as the applications view would.
      const decided = await gql<{ decideApplication: { status: string } }>(
        "enforcement",
        ["approver"],
        "WORK_REFERENCE",
        "mutation($id: ID!) { decideApplication(id: $id, approve: true) { status } }",
        { id },
      );
      expect(decided.errors ?? []).toEqual([]);
      expect(decided.data!.decideApplication.status).toBe("APPROVED");

      await page.getByRole("button", { name: "重新判定" }).click();
      await row.getByText("GRANTED").waitFor();
      expect(await row.getByTestId("decision").textContent()).toBe("ALLOWED");
      const read = await runAndRead(page, (r) => !r.includes("SHARE_DENIED") && r.includes('"inspections":'));
      expect(read).toContain(`"date":"${firstInspection.date}"`);
    }, 120_000);

    it("shows explain's coded errors for an operation that does not validate, and explains what is typed", async () => {
      const bad = "{ enterprises { nodes { noSuchField } } }";
      const refused = await gql<unknown>("water", [], "WORK_REFERENCE", EXPLAIN, { q: bad, purpose: "WORK_REFERENCE" });
      const error = refused.errors![0]!;
      expect(error.extensions?.["code"]).toBe("BAD_USER_INPUT");

      const page = await open("water", bad);
      const alert = page.getByRole("alert").filter({ hasText: "BAD_USER_INPUT" });
      await alert.waitFor();
      expect(await alert.textContent()).toContain(error.message);
      expect(await page.getByTestId("explain-list").count()).toBe(0);

      // Typing replaces it; explain follows once the typing pauses.
      const editor = page.getByRole("region", { name: "Operation Editor" }).locator(".view-lines");
      await editor.click();
      await page.keyboard.press("Control+A");
      await page.keyboard.press("Delete");
      // The editor closes the outer brace itself.
      await page.keyboard.type("{divisions{code name}", { delay: 20 });
      expect(await text(editor)).toBe("{divisions{codename}}");
      const asked = await explain("water", "WORK_REFERENCE", "{divisions{code name}}");
      await explainRow(page, "Query.divisions").waitFor();
      expect(await alert.count()).toBe(0);
      for (const d of asked) expect(await explainRow(page, d.coordinate).getByTestId("decision").textContent()).toBe(d.decision);
      expect(await page.getByTestId("explain-summary").textContent()).toBe(`允许 ${asked.length} · 脱敏 0 · 拒绝 0`);
    });

    it("opens the docs explorer on the schema introspected with the session's token", async () => {
      const schema = await gql<{ __type: { fields: { name: string }[] } }>("soil", [], "WORK_REFERENCE", '{ __type(name: "Query") { fields { name } } }');
      const fields = schema.data!.__type.fields.map((f) => f.name);
      expect(fields).toContain("explain");
      expect(fields).toContain("enterprises");

      const page = await harness().signedIn("soil", [], "explorer");
      await page.getByRole("button", { name: "Show Documentation Explorer" }).click();
      const docs = page.getByRole("region", { name: "Documentation Explorer" });
      await docs.getByText("Root Types").waitFor();
      await docs.getByRole("link", { name: "Query", exact: true }).click();
      for (const name of ["explain", "enterprises", "catalog"]) await docs.getByRole("link", { name, exact: true }).first().waitFor();
      await harness().screenshot(page, "explorer-docs");
    });

    it("ran every explorer page without a CSP violation or an uncaught error", () => {
      expect(harness().pageErrors.slice(errorsBefore)).toEqual([]);
    });
  });
}
