import { describe } from "vitest";
import type { ConsoleHarness } from "../console-harness.js";

/** The explorer view's browser tests: registered by console.test.ts, which runs one federation and one browser for all. */
export function registerExplorerTests(harness: () => ConsoleHarness): void {
  describe.todo("the console's explorer view", () => {
    void harness;
  });
}
