import { describe } from "vitest";
import type { ConsoleHarness } from "../console-harness.js";

/** The applications view's browser tests: registered by console.test.ts, which runs one federation and one browser for all. */
export function registerApplicationsTests(harness: () => ConsoleHarness): void {
  describe.todo("the console's applications view", () => {
    void harness;
  });
}
