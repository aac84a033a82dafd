import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { CliError } from "../cli-error.js";
import { DEFAULT_RESTART_POLICY, nextRestart, type RestartPolicy } from "./restart-policy.js";

/** One unit under supervision, as it runs now (its process id changes when it is restarted). */
export interface UnitProcess {
  readonly unit: string;
  readonly url: string;
  readonly pid: number | undefined;
}

export interface SupervisionOptions {
  readonly policy?: RestartPolicy;
  /** The script each unit runs as (`ecofed subgraph <unit> --port N` unless a test says otherwise). */
  readonly script?: string;
  readonly readyTimeoutMs?: number;
  /** How long a unit asked to stop may take before it is killed. */
  readonly stopGraceMs?: number;
  readonly log?: (line: string) => void;
}

const MAIN = fileURLToPath(new URL("../main.js", import.meta.url));

/**
 * The units of `ecofed start`, each its own process (a unit is a separate system), kept
 * running: a unit that exits or is killed is started again on the same port, so the gateway
 * reaches it at the address in its supergraph without a restart of its own (issue 14 item 4).
 */
export class UnitSupervisor {
  private constructor(private readonly supervised: readonly SupervisedUnit[]) {}

  /**
   * Resolves once every unit serves (its demo data exists). A unit that cannot start at all
   * is a configuration problem, not a fault to retry: the others are stopped and its one-line
   * reason is the error.
   */
  static async start(
    units: readonly string[],
    portOf: (index: number) => number,
    env: NodeJS.ProcessEnv,
    options: SupervisionOptions = {},
  ): Promise<UnitSupervisor> {
    const supervised = units.map((unit, i) => new SupervisedUnit(unit, portOf(i), env, options));
    try {
      await Promise.all(supervised.map((s) => s.start()));
    } catch (error) {
      await Promise.all(supervised.map((s) => s.stop()));
      throw error;
    }
    return new UnitSupervisor(supervised);
  }

  get units(): readonly UnitProcess[] {
    return this.supervised.map((s) => ({ unit: s.unit, url: s.url, pid: s.pid }));
  }

  /** Stops restarting, asks every unit to stop and kills any that outstays its grace. */
  stop(): Promise<void> {
    return Promise.all(this.supervised.map((s) => s.stop())).then(() => undefined);
  }
}

class SupervisedUnit {
  private readonly policy: RestartPolicy;
  private readonly log: (line: string) => void;
  private child: ChildProcess | undefined;
  private startedAt = 0;
  private fastFailures = 0;
  private stopping = false;
  private pending: NodeJS.Timeout | undefined;
  url = "";

  constructor(
    readonly unit: string,
    private port: number,
    private readonly env: NodeJS.ProcessEnv,
    private readonly options: SupervisionOptions,
  ) {
    this.policy = options.policy ?? DEFAULT_RESTART_POLICY;
    this.log = options.log ?? ((line) => console.error(line));
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(): Promise<void> {
    const url = await this.launch();
    this.url = url;
    // Port 0 (tests) picked an ephemeral port: every restart reuses it, it is in the supergraph.
    this.port = Number(new URL(url).port);
  }

  private async launch(): Promise<string> {
    const script = this.options.script ?? MAIN;
    const child = fork(script, ["subgraph", this.unit, "--port", String(this.port)], {
      // Production whatever the shell says (issue 14): no development defaults in a unit.
      env: { ...this.env, NODE_ENV: "production" },
      stdio: ["ignore", "inherit", "pipe", "ipc"],
    });
    this.child = child;
    this.startedAt = Date.now();
    const url = await waitReady(this.unit, child, this.options.readyTimeoutMs ?? 120_000);
    child.once("exit", (code, signal) => this.exited(`${signal ?? `code ${code}`}`));
    return url;
  }

  private exited(how: string): void {
    if (this.stopping) return;
    const ranMs = Date.now() - this.startedAt;
    this.fastFailures = ranMs < this.policy.stableAfterMs ? this.fastFailures + 1 : 0;
    this.log(`ecofed: unit ${this.unit} stopped (${how}); its fields answer SUBGRAPH_UNAVAILABLE until it is back`);
    this.scheduleRestart(how);
  }

  private scheduleRestart(lastReason: string): void {
    const decision = nextRestart(this.policy, this.fastFailures);
    if (!decision.restart) {
      this.log(
        `ecofed: ERROR: unit ${this.unit} failed ${this.fastFailures} times in a row within ${this.policy.stableAfterMs / 1000} s of starting` +
          ` (last: ${lastReason}); not restarting it — fix it and restart ecofed`,
      );
      return;
    }
    this.log(`ecofed: restarting unit ${this.unit} in ${decision.delayMs / 1000} s`);
    this.pending = setTimeout(() => void this.restart(), decision.delayMs);
  }

  private async restart(): Promise<void> {
    this.pending = undefined;
    if (this.stopping) return;
    try {
      await this.launch();
      if (this.stopping) return void (await this.stopChild());
      this.log(`ecofed: unit ${this.unit} restarted at ${this.url} (pid ${this.child?.pid})`);
    } catch (error) {
      await this.stopChild();
      if (this.stopping) return;
      this.fastFailures += 1;
      const reason = (error as Error).message;
      this.log(`ecofed: ${reason}`);
      this.scheduleRestart(reason);
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.pending);
    await this.stopChild();
  }

  /** SIGTERM, then SIGKILL after the grace: a unit busy on a huge answer does not hold the stop. */
  private stopChild(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => child.kill("SIGKILL"), this.options.stopGraceMs ?? 10_000);
      child.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill("SIGTERM");
    });
  }
}

/** The unit's URL once it says it serves; a unit that exits first is reported in one line. */
function waitReady(unit: string, child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    // Held back until the unit is ready: a unit that cannot start is reported in one line.
    let stderr = "";
    let ready = false;
    child.stderr?.on("data", (chunk: Buffer) => {
      if (ready) process.stderr.write(chunk);
      else stderr += chunk.toString();
    });
    const timer = setTimeout(() => reject(new CliError(`unit ${unit} did not start within ${timeoutMs / 1000} s`)), timeoutMs);
    child.on("message", (message: { type?: string; url?: string }) => {
      if (ready || message.type !== "ready" || !message.url) return;
      clearTimeout(timer);
      ready = true;
      process.stderr.write(stderr);
      resolve(message.url);
    });
    child.once("exit", (code, signal) => {
      if (ready) return;
      clearTimeout(timer);
      const lines = stderr.trim().split("\n");
      const reason = lines.find((l) => l.startsWith("ecofed: ")) ?? (lines.pop() || `exited with ${signal ?? `code ${code}`}`);
      reject(new CliError(`unit ${unit} failed to start: ${reason.replace(/^ecofed: /, "")}`));
    });
  });
}
