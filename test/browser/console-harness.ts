import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { startFederation, type RunningFederation } from "../helpers/federation.js";
import { tempDir } from "../helpers/temp-dir.js";
import { tokenFor } from "../helpers/tokens.js";

/** Debian's chromium (`apt-get install -y chromium`; .ci/run installs it): never a browser download. */
export const CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";

/** Where each view's screenshot is written: a test artifact (CI keeps test-artifacts/). */
export const ARTIFACTS = join(process.cwd(), "test-artifacts", "console");

/**
 * What a closed ministry network allows the browser: its own background traffic is off
 * (without these flags Chromium reaches for Google's hosts at every start), a fresh profile.
 */
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-default-apps",
  "--disable-extensions",
  "--metrics-recording-only",
  "--no-default-browser-check",
];

export interface ConsoleHarness {
  readonly federation: RunningFederation;
  readonly dataDir: string;
  /** The gateway's origin, e.g. http://127.0.0.1:43121 */
  readonly base: string;
  /** Every URL any page of this harness requested (pages, scripts, workers, fetches). */
  readonly requests: string[];
  /** Every CSP violation or page error any page reported. */
  readonly pageErrors: string[];
  /** A new browser context (its own sessionStorage), signed in as `unit` with `roles`, on `view`. */
  signedIn(unit: string, roles?: string[], view?: string): Promise<Page>;
  /** A new, signed-out context on the console's first page. */
  signedOut(): Promise<Page>;
  token(unit: string, roles?: string[]): Promise<string>;
  /** Writes `test-artifacts/console/<name>.png`. */
  screenshot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

export async function startConsole(): Promise<ConsoleHarness> {
  if (!existsSync(CHROMIUM)) throw new Error(`no browser at ${CHROMIUM}: apt-get install -y chromium (.ci/run does)`);
  const dir = tempDir("console");
  const federation = await startFederation(dir.path);
  const base = federation.base;
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
  const contexts: BrowserContext[] = [];
  const requests: string[] = [];
  const pageErrors: string[] = [];
  mkdirSync(ARTIFACTS, { recursive: true });

  const newPage = async (): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: "zh-CN", serviceWorkers: "block" });
    contexts.push(context);
    // Recorded at the context: requests of workers and of every frame included.
    context.on("request", (request) => requests.push(request.url()));
    const page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(`pageerror: ${error.message}`));
    page.on("console", (message) => {
      const text = message.text();
      if (message.type() === "error" && /Content Security Policy|Refused to/.test(text)) pageErrors.push(`csp: ${text}`);
    });
    return page;
  };

  const token = (unit: string, roles: string[] = []): Promise<string> => tokenFor(dir.path, unit, roles);

  return {
    federation,
    dataDir: dir.path,
    base,
    requests,
    pageErrors,
    token,
    async signedIn(unit, roles = [], view = "catalog") {
      const page = await newPage();
      await page.goto(`${base}/console/${view}`);
      await page.getByLabel("令牌 / Token").fill(await token(unit, roles));
      await page.getByRole("button", { name: "登录 / Sign in" }).click();
      await page.getByTestId("whoami-unit").filter({ hasText: unit }).waitFor();
      return page;
    },
    async signedOut() {
      const page = await newPage();
      await page.goto(`${base}/console/`);
      return page;
    },
    async screenshot(page, name) {
      await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await federation.process.stop();
      dir.remove();
    },
  };
}
