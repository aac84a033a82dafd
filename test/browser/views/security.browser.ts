import { describe } from "vitest";
import type { ConsoleHarness } from "../console-harness.js";

/** The security view's browser tests: registered by console.test.ts, which runs one federation and one browser for all. */
export function registerSecurityTests(harness: () => ConsoleHarness): void {
  describe.todo("the console's security view", () => {
    void harness;
  });
}
