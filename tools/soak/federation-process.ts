import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, readFileSync, type WriteStream } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import type { EcofedCli } from "./ecofed-cli.js";

/** A unit process as `ecofed start` last reported it. */
export interface UnitProcessInfo {
  readonly url: string;
  readonly pid: number;
}

const UNIT_LINE = /^ecofed: unit (\S+) (restarted )?at (\S+) \(pid (\d+)\)/;
const READY_LINE = /^ecofed: gateway ready at (\S+)/;
const GAVE_UP_LINE = /^ecofed: ERROR: unit (\S+) failed/;

/**
 * `ecofed start` as users run it, watched through what it prints: the units' addresses and
 * process ids from its banner, each restart its supervisor logs, the gateway's URL. It can be
 * killed outright and started again on the same ports over the same data dir.
 */
export class FederationProcess {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<(line: string) => void>();
  private readonly log: WriteStream;
  private generation = 0;
  readonly units = new Map<string, UnitProcessInfo>();
  /** Units whose supervisor gave up on them (it logged ERROR). */
  readonly gaveUp = new Set<string>();
  gatewayUrl = "";
  /** "unit X restarted" lines seen, over every start. */
  unitRestarts = 0;
  /** Times the whole federation was killed and came back. */
  gatewayRestarts = 0;
  /** Unit processes still running well after their supervisor died, killed by the soak. */
  orphansKilled = 0;

  constructor(
    private readonly cli: EcofedCli,
    logFile: string,
  ) {
    this.log = createWriteStream(logFile, { flags: "a" });
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts `ecofed start`; resolves once it says the gateway is ready. */
  async start(timeoutMs: number): Promise<void> {
    this.generation++;
    this.units.clear();
    const ready = this.waitForLine(READY_LINE, timeoutMs);
    const child = spawn(process.execPath, [this.cli.path, "start"], { env: this.cli.env, stdio: ["ignore", "pipe", "pipe"] });
    this.child = child;
    this.exited = new Promise((resolve) => child.once("exit", () => resolve()));
    for (const stream of [child.stdout!, child.stderr!]) this.readLines(stream);
    const died = this.exited.then(() => {
      throw new Error(`ecofed start exited (${child.signalCode ?? `code ${child.exitCode}`}) before the gateway was ready; see federation.log`);
    });
    // Whichever loses the race settles later, unheard.
    for (const p of [ready, died]) p.catch(() => undefined);
    await Promise.race([ready, died]);
  }

  /** Resolves with the next line (from now on) matching `pattern`. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
    return new Promise((resolve, reject) => {
      const listener = (line: string): void => {
        const m = line.match(pattern);
        if (!m) return;
        this.listeners.delete(listener);
        clearTimeout(timer);
        resolve(m);
      };
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`no line matching ${pattern} within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      this.listeners.add(listener);
    });
  }

  /** SIGKILLs one unit's process; resolves once its supervisor says it restarted it. */
  async killUnit(unit: string, timeoutMs: number): Promise<void> {
    const info = this.units.get(unit);
    if (!info) throw new Error(`no process known for unit ${unit}`);
    const restarted = this.waitForLine(new RegExp(`^ecofed: unit ${escape(unit)} restarted at `), timeoutMs);
    restarted.catch(() => undefined);
    process.kill(info.pid, "SIGKILL");
    await restarted;
  }

  /**
   * SIGKILLs `ecofed start` itself (its gateway dies with it; its units, orphaned, exit on
   * their own), waits until no unit of it runs, and starts it again on the same ports.
   */
  async killAndRestart(unitsGoneMs: number, startMs: number): Promise<void> {
    const pids = [...this.units.values()].map((u) => u.pid);
    this.child?.kill("SIGKILL");
    await this.exited;
    const deadline = Date.now() + unitsGoneMs;
    while (pids.some(runs) && Date.now() < deadline) await sleep(100);
    // A unit that outlives its supervisor this long would hold its port: the federation could not come back.
    for (const pid of pids.filter(runs)) {
      this.orphansKilled++;
      this.line(`soak: unit pid ${pid} still runs ${unitsGoneMs / 1000} s after its supervisor was killed; killing it`);
      process.kill(pid, "SIGKILL");
    }
    await this.start(startMs);
    this.gatewayRestarts++;
  }

  /** SIGTERM, as Ctrl-C would; true when it stopped cleanly (exit 0) within `graceMs`. */
  async stop(graceMs: number): Promise<boolean> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return child?.exitCode === 0;
    const pids = [...this.units.values()].map((u) => u.pid);
    child.kill("SIGTERM");
    const inTime = await Promise.race([this.exited.then(() => true), sleep(graceMs).then(() => false)]);
    if (!inTime) child.kill("SIGKILL");
    await this.exited;
    for (const pid of pids.filter(runs)) process.kill(pid, "SIGKILL");
    this.log.end();
    return inTime && child.exitCode === 0;
  }

  private readLines(stream: NodeJS.ReadableStream): void {
    let partial = "";
    stream.on("data", (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) this.line(line);
    });
    stream.on("end", () => partial && this.line(partial));
  }

  private line(line: string): void {
    this.log.write(`${new Date().toISOString()} [${this.generation}] ${line}\n`);
    const unit = line.match(UNIT_LINE);
    if (unit) {
      this.units.set(unit[1]!, { url: unit[3]!, pid: Number(unit[4]) });
      if (unit[2]) this.unitRestarts++;
    }
    const ready = line.match(READY_LINE);
    if (ready) this.gatewayUrl = ready[1]!;
    const gaveUp = line.match(GAVE_UP_LINE);
    if (gaveUp) this.gaveUp.add(gaveUp[1]!);
    for (const listener of [...this.listeners]) listener(line);
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** True while `pid` runs: an orphan that exited stays a zombie until whoever adopted it reaps it. */
function runs(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  }
}
