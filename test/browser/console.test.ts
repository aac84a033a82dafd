import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONSOLE_CSP } from "../../server/console-files.js";
import { startConsole, type ConsoleHarness } from "./console-harness.js";
import { ask } from "./graphql-over-http.js";
import { registerApplicationsTests } from "./views/applications.browser.js";
import { registerCatalogTests } from "./views/catalog.browser.js";
import { registerDashboardTests } from "./views/dashboard.browser.js";
import { registerExplorerTests } from "./views/explorer.browser.js";
import { registerOversightTests } from "./views/oversight.browser.js";
import { registerSecurityTests } from "./views/security.browser.js";

/*
 * Issue 16: the console in a real headless Chromium (Debian's package) against a real
 * federation (`ecofed start`): one federation and one browser for every view's tests.
 */
let harness: ConsoleHarness;
const get = (): ConsoleHarness => harness;

beforeAll(async () => {
  harness = await startConsole();
});

afterAll(async () => {
  await harness?.close();
});

describe("the console's sign-in", () => {
  it("shows a signed-out visitor only the sign-in form", async () => {
    const page = await harness.signedOut();
    const token = page.getByLabel("令牌 / Token");
    await token.waitFor();
    expect(await token.getAttribute("type")).toBe("password");
    expect(await token.getAttribute("name")).toBe("token");
    expect(await page.getByRole("button", { name: "登录 / Sign in" }).isVisible()).toBe(true);
    expect(await page.getByRole("navigation").count()).toBe(0);
    await harness.screenshot(page, "sign-in");
  });

  it("refuses a forged token with the gateway's code and keeps the form", async () => {
    const page = await harness.signedOut();
    await page.getByLabel("令牌 / Token").fill("eyJhbGciOiJFUzI1NiJ9.eyJ1bml0Ijoid2F0ZXIifQ.AAAA");
    await page.getByRole("button", { name: "登录 / Sign in" }).click();
    await page.getByRole("alert").filter({ hasText: "UNAUTHENTICATED" }).waitFor();
    expect(await page.getByRole("navigation").count()).toBe(0);
  });

  it("signs in with a token: who I am, the purpose picker and every view in the navigation", async () => {
    const page = await harness.signedIn("water", ["approver"]);
    expect(await page.getByTestId("whoami").textContent()).toContain("water-test");
    expect(await page.getByTestId("whoami").textContent()).toContain("approver");
    const nav = page.getByRole("navigation", { name: "主导航" });
    for (const name of ["目录", "探索", "申请", "访问日志", "考核", "看板"]) expect(await nav.getByRole("link", { name }).count()).toBe(1);
    await page.getByLabel("用途").selectOption("DATA_VERIFICATION");
    // The token is in this tab's sessionStorage only: never in localStorage, never a cookie.
    // (Page expressions are strings: the tests' tsconfig has no DOM library.)
    const stored = await page.evaluate<{ session: string[]; local: string[]; cookie: string }>(
      "({ session: Object.keys(sessionStorage), local: Object.keys(localStorage), cookie: document.cookie })",
    );
    expect(stored.session).toContain("ecofed.token");
    expect(stored.local).not.toContain("ecofed.token");
    expect(stored.cookie).toBe("");
    // A reload keeps the session (the same tab), a sign-out forgets it.
    await page.reload();
    await page.getByTestId("whoami-unit").filter({ hasText: "water" }).waitFor();
    expect(await page.getByLabel("用途").inputValue()).toBe("DATA_VERIFICATION");
    await page.getByRole("button", { name: "退出" }).click();
    await page.getByLabel("令牌 / Token").waitFor();
    expect(await page.evaluate<string | null>('sessionStorage.getItem("ecofed.token")')).toBeNull();
  });

  it("switches to English and back", async () => {
    const page = await harness.signedIn("soil");
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Access log" }).waitFor();
    await page.getByRole("button", { name: "中文" }).click();
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "访问日志" }).waitFor();
  });
});

registerCatalogTests(get);
registerExplorerTests(get);
registerApplicationsTests(get);
registerSecurityTests(get);
registerOversightTests(get);
registerDashboardTests(get);

// Last of the views: every view's tests read the catalog, which publishing changes.
describe("the leading group publishing the catalog", () => {
  it("publishes the draft from the applications view, and the catalog shows it published", async () => {
    const lg = await harness.token("leading-group", ["leading-group"]);
    const versions = async () => (await ask<{ catalogVersions: { version: number; status: string }[] }>(harness, lg, "{ catalogVersions { version status } }")).catalogVersions;
    const draft = (await versions()).find((v) => v.status === "DRAFT");
    expect(draft).toBeDefined();
    const page = await harness.signedIn("leading-group", ["leading-group"], "applications");
    await page.getByRole("button", { name: `发布版本 ${draft!.version}` }).click();
    await expect.poll(async () => (await versions()).find((v) => v.version === draft!.version)?.status, { timeout: 15_000 }).toBe("PUBLISHED");
    await page.getByRole("button", { name: `发布版本 ${draft!.version}` }).waitFor({ state: "detached" });
    const catalog = await harness.signedIn("water", [], "catalog");
    await catalog.getByText(`目录版本 ${draft!.version}`).waitFor();
    expect(await catalog.getByTestId("catalog-status").innerText()).toBe("已发布");
  });
});

describe("the console on a closed network", () => {
  it("is served under its Content-Security-Policy, unframable, to the browser itself", async () => {
    const page = await harness.signedOut();
    const response = await page.goto(`${harness.base}/console/catalog`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()["content-security-policy"]).toBe(CONSOLE_CSP);
    expect(response?.headers()["x-frame-options"]).toBe("DENY");
    // The page runs no inline script: its only scripts are files of the bundle.
    const scripts = await page.evaluate<{ src: string; inline: boolean }[]>(
      "[...document.scripts].map((s) => ({ src: s.src, inline: !s.src && s.textContent.trim() !== '' }))",
    );
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      expect(script.inline).toBe(false);
      expect(script.src.startsWith(`${harness.base}/console/assets/`)).toBe(true);
    }
  });

  it("sent every request of every page to the gateway's own origin", () => {
    expect(harness.requests.length).toBeGreaterThan(10);
    const elsewhere = harness.requests.filter((url) => !url.startsWith(`${harness.base}/`) && !url.startsWith("data:") && !url.startsWith("blob:"));
    expect(elsewhere).toEqual([]);
    for (const url of harness.requests) if (/^https?:/.test(url)) expect(new URL(url).hostname).toBe("127.0.0.1");
  });

  it("ran without a CSP violation or an uncaught error on any page", () => {
    expect(harness.pageErrors).toEqual([]);
  });
});
