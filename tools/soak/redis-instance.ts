import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync, type WriteStream } from "node:fs";
import { connect } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * The soak's own redis-server on a free loopback port, with no persistence, in a directory
 * of its own: it can be killed and started again without touching the machine's Redis.
 */
export class RedisInstance {
  private child: ChildProcess | null = null;
  private readonly log: WriteStream;
  restarts = 0;

  private constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly binary: string,
    logFile: string,
  ) {
    this.log = createWriteStream(logFile, { flags: "a" });
  }

  static async start(port: number, dir: string, logFile: string, binary = "redis-server"): Promise<RedisInstance> {
    mkdirSync(dir, { recursive: true });
    const instance = new RedisInstance(port, dir, binary, logFile);
    await instance.launch();
    return instance;
  }

  /** Kills the server outright (as a crash would: everything it held is gone) and starts it again on its port. */
  async restart(): Promise<void> {
    await this.kill("SIGKILL");
    await this.launch();
    this.restarts++;
  }

  async stop(): Promise<void> {
    await this.kill("SIGTERM");
    this.log.end();
  }

  private async launch(): Promise<void> {
    const child = spawn(this.binary, ["--port", String(this.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", this.dir], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    child.stdout!.pipe(this.log, { end: false });
    child.stderr!.pipe(this.log, { end: false });
    const failed = new Promise<never>((_, reject) => {
      child.once("error", (error) => reject(new Error(`${this.binary} could not be started (${error.message}); the soak needs redis-server on PATH or SOAK_REDIS_SERVER`)));
      child.once("exit", (code, signal) => reject(new Error(`redis-server on port ${this.port} exited at start (${signal ?? `code ${code}`}); see its log`)));
    });
    failed.catch(() => undefined);
    await Promise.race([this.answers(10_000), failed]);
  }

  /** Resolves once the server answers PING. */
  private async answers(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (await ping(this.port)) return;
      await sleep(50);
    }
    throw new Error(`redis-server on port ${this.port} did not answer PING within ${timeoutMs / 1000} s`);
  }

  private kill(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      child.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill(signal);
    });
  }
}

/** One PING over a fresh connection (RESP inline command). */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    let reply = "";
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.on("data", (chunk: Buffer) => {
      reply += chunk.toString();
      if (reply.includes("\r\n")) done(reply.startsWith("+PONG"));
    });
  });
}
