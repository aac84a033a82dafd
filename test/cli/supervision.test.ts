import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_RESTART_POLICY, nextRestart, type RestartPolicy } from "../../cli/supervision/restart-policy.js";
import { UnitSupervisor } from "../../cli/supervision/unit-supervisor.js";
import { isAlive } from "../helpers/federation.js";

/*
 * Issue 14 item 4 with real processes: a stand-in unit (test/fixtures/supervision) that
 * serves, exits, or spins ignoring SIGTERM as each test asks, under the supervisor
 * `ecofed start` runs its units with. test/e2e/supervision.test.ts does it with the real units.
 */

const FAKE_UNIT = fileURLToPath(new URL("../fixtures/supervision/fake-unit.mjs", import.meta.url));
const ORPHANING_PARENT = fileURLToPath(new URL("../fixtures/supervision/orphaning-parent.mjs", import.meta.url));
const QUICK: RestartPolicy = { baseDelayMs: 50, maxDelayMs: 200, maxFastFailures: 4, stableAfterMs: 10_000 };

describe("the restart policy", () => {
  it.each([
    [0, 1_000],
    [1, 1_000],
    [2, 2_000],
    [3, 4_000],
    [5, 16_000],
    [6, 30_000],
    [7, 30_000],
  ])("after %i fast failures in a row waits %i ms", (failures, delayMs) => {
    expect(nextRestart(DEFAULT_RESTART_POLICY, failures)).toEqual({ restart: true, delayMs });
  });

  it("gives up after the maximum of fast failures", () => {
    expect(nextRestart(DEFAULT_RESTART_POLICY, 8)).toEqual({ restart: false });
    expect(nextRestart(QUICK, 4)).toEqual({ restart: false });
  });
});

const running: UnitSupervisor[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

async function supervise(env: NodeJS.ProcessEnv, log: string[], policy = QUICK): Promise<UnitSupervisor> {
  const supervisor = await UnitSupervisor.start(["fake"], () => 0, { ...process.env, ...env }, { policy, script: FAKE_UNIT, stopGraceMs: 1_000, log: (l) => log.push(l) });
  running.push(supervisor);
  return supervisor;
}

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function answeringPid(url: string): Promise<number | undefined> {
  try {
    return Number(await (await fetch(url)).text());
  } catch {
    return undefined;
  }
}

describe("the unit supervisor", () => {
  it("starts a killed unit again on the same port, where it answers", async () => {
    const log: string[] = [];
    const supervisor = await supervise({}, log);
    const [before] = supervisor.units;
    expect(await answeringPid(before!.url)).toBe(before!.pid);
    process.kill(before!.pid!, "SIGKILL");
    const pid = await until("the restarted unit", async () => {
      const now = await answeringPid(before!.url);
      return now !== undefined && now !== before!.pid ? now : undefined;
    });
    expect(supervisor.units[0]).toEqual({ unit: "fake", url: before!.url, pid });
    expect(log.join("\n")).toMatch(/unit fake stopped \(SIGKILL\)[^]*restarting unit fake in 0\.05 s[^]*unit fake restarted at/);
  });

  it("backs off between fast failures and gives up loudly after the last", async () => {
    const log: string[] = [];
    const supervisor = await supervise({ FAKE_EXIT_AFTER_MS: "30" }, log);
    await until("giving up", () => log.find((l) => l.includes("ERROR")));
    expect(log.filter((l) => l.startsWith("ecofed: restarting"))).toEqual([
      "ecofed: restarting unit fake in 0.05 s",
      "ecofed: restarting unit fake in 0.1 s",
      "ecofed: restarting unit fake in 0.2 s",
    ]);
    expect(log.at(-1)).toMatch(/^ecofed: ERROR: unit fake failed 4 times in a row within 10 s of starting \(last: code 3\); not restarting it/);
    // Given up means given up: nothing is started again.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(log.filter((l) => l.startsWith("ecofed: restarting"))).toHaveLength(3);
    expect(isAlive(supervisor.units[0]!.pid!)).toBe(false);
  });

  it("resets the backoff after a run longer than the stable period", async () => {
    const log: string[] = [];
    await supervise({ FAKE_EXIT_AFTER_MS: "150" }, log, { ...QUICK, stableAfterMs: 100 });
    await until("five restarts", () => log.filter((l) => l.startsWith("ecofed: restarting")).length >= 5 || undefined);
    expect(new Set(log.filter((l) => l.startsWith("ecofed: restarting")))).toEqual(new Set(["ecofed: restarting unit fake in 0.05 s"]));
    expect(log.some((l) => l.includes("ERROR"))).toBe(false);
  });

  it("kills a unit that ignores SIGTERM once its grace is over", async () => {
    const supervisor = await supervise({ FAKE_BUSY: "1" }, []);
    const pid = supervisor.units[0]!.pid!;
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await supervisor.stop();
    expect(isAlive(pid)).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });
});

/** True while `pid` runs: an orphan's zombie waits for whoever adopted it to reap it. */
function runs(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return isAlive(pid);
  }
}

describe("a unit whose supervisor is gone", () => {
  it("exits even while busy and deaf to SIGTERM", async () => {
    const parent = spawn(process.execPath, [ORPHANING_PARENT], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    parent.stdout.on("data", (c: Buffer) => (out += c.toString()));
    const pid = Number(await until("the unit's pid", () => out.match(/unit pid (\d+)/)?.[1]));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(isAlive(pid)).toBe(true);
    parent.kill("SIGKILL");
    await until("the orphaned unit to exit", () => !runs(pid) || undefined, 5_000);
  });
});
