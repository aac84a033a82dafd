import { describe } from "vitest";
import type { ConsoleHarness } from "../console-harness.js";

/** The dashboard view's browser tests: registered by console.test.ts, which runs one federation and one browser for all. */
export function registerDashboardTests(harness: () => ConsoleHarness): void {
  describe.todo("the console's dashboard view", () => {
    void harness;
  });
}
