import { describe } from "vitest";
import type { ConsoleHarness } from "../console-harness.js";

/** The oversight view's browser tests: registered by console.test.ts, which runs one federation and one browser for all. */
export function registerOversightTests(harness: () => ConsoleHarness): void {
  describe.todo("the console's oversight view", () => {
    void harness;
  });
}
