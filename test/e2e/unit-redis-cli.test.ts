import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli-process.js";
import { tempDir } from "../helpers/temp-dir.js";

// STYLE 5 and issue 13 §2: a unit process given a REDIS_URL it cannot reach keeps no
// nonces, so it does not start; it says why in one line (what `npm start` then reports).
const dir = tempDir("unit-redis-cli");
afterAll(() => dir.remove());

describe("ecofed subgraph with an unreachable REDIS_URL", () => {
  it("exits 1 with one line naming the URL, before any port opens", async () => {
    const run = await runCli(["subgraph", "info-center", "--port", "0"], { ECOFED_DATA_DIR: dir.path, REDIS_URL: "redis://127.0.0.1:1" });
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain("serving at");
    expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^ecofed: REDIS_URL redis:\/\/127\.0\.0\.1:1 is unreachable/)]);
  });
});
