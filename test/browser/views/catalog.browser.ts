import { describe } from "vitest";
import type { ConsoleHarness } from "../console-harness.js";

/** The catalog view's browser tests: registered by console.test.ts, which runs one federation and one browser for all. */
export function registerCatalogTests(harness: () => ConsoleHarness): void {
  describe.todo("the console's catalog view", () => {
    void harness;
  });
}
