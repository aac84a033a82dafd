import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { fetchSubgraphSdl } from "../gateway/fetch-subgraph-sdl.js";
import { loadOrCreatePlatformKey } from "../gateway/identity/platform-key.js";
import { composeSupergraph } from "../schema/compose.js";

// What the gateway benchmarks share: their processes, closed-loop load and statistics.

const READY_TIMEOUT_MS = 120_000;
const STOP_GRACE_MS = 10_000;

export interface LoadResult {
  /** Successful requests per second over the round. */
  readonly rps: number;
  /** Requests sent, answered or failed. */
  readonly requests: number;
  readonly latencies: number[];
  readonly failures: number;
  readonly failureSample: string | null;
}

// ---------------------------------------------------------------------------------------
// Processes

export interface Spawned {
  readonly child: ChildProcess;
  readonly output: () => string;
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux; null elsewhere). */
export function cpuSeconds(pid: number): number | null {
  try {
    // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** Spawns `node args` and waits for a stdout line matching `ready`; returns the match. */
export async function spawnUntil(args: string[], env: NodeJS.ProcessEnv, ready: RegExp, started: Spawned[]): Promise<RegExpMatchArray> {
  const child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  started.push({ child, output: () => stdout + stderr });
  child.stderr.on("data", (c: Buffer) => {
    stderr += c.toString();
  });
  return new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${args.join(" ")}: not ready within ${READY_TIMEOUT_MS / 1000} s`)), READY_TIMEOUT_MS);
    child.stdout.on("data", (c: Buffer) => {
      stdout += c.toString();
      const m = stdout.match(ready);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${args.map((a) => a.replace(/^.*\/dist\//, "dist/")).join(" ")} exited (${signal ?? `code ${code}`}): ${stderr.trim().split("\n").slice(-3).join(" | ")}`));
    });
  });
}

export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

const CLI = fileURLToPath(new URL("../cli/main.js", import.meta.url));

/**
 * Starts every unit with `ecofed start` (its own gateway is left idle), composes their
 * supergraph as the gateway does, and writes it to the data dir; returns the file.
 */
export async function startUnitsAndCompose(dataDir: string, env: NodeJS.ProcessEnv, started: Spawned[], unitPids: number[]): Promise<string> {
  await spawnUntil([CLI, "start"], env, /gateway ready at (\S+)/, started);
  const startOutput = started[0]!.output();
  const units = [...startOutput.matchAll(/ecofed: unit (\S+) at (\S+) \(pid (\d+)\)/g)].map((m) => ({ name: m[1]!, url: m[2]!, pid: Number(m[3]) }));
  unitPids.push(...units.map((u) => u.pid));
  if (units.length === 0) throw new Error(`no unit lines in ecofed start output:\n${startOutput}`);
  const composed = composeSupergraph(await fetchSubgraphSdl(units, await loadOrCreatePlatformKey(dataDir)));
  if (!composed.ok) throw new Error(`composition failed: ${composed.errors.join("; ")}`);
  const supergraphFile = join(dataDir, "supergraph.graphql");
  writeFileSync(supergraphFile, composed.supergraphSdl);
  return supergraphFile;
}

/**
 * Stops what a benchmark started: the later processes (gateways) first, then the first one
 * (`ecofed start`, which stops its units); any unit still there is killed by its PID.
 */
export async function stopAll(started: readonly Spawned[], unitPids: readonly number[]): Promise<void> {
  await Promise.all(started.slice(1).map((s) => stopChild(s.child)));
  if (started[0]) await stopChild(started[0].child);
  for (const pid of unitPids) {
    if (!alive(pid)) continue;
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------
// Load

export interface RequestSpec {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/**
 * The load generator's client: node:http over kept-alive connections, each answer's bytes
 * counted and dropped. It shares the cores with the servers it loads, so what it spends per
 * answer byte is taken from them: Node's fetch spent 5.67 ms of CPU reading each of
 * ecofed's 234 KiB answers of query (b) and 2.9 ms on vanilla's 71 KiB (one run), a cost
 * that grew with the answer and so with the gateway that wrote more. `fetch` still reads
 * the bodies that are checked (`probe`).
 */
class LoadClient {
  private readonly agent: Agent;
  private readonly target: URL;
  private readonly headers: Record<string, string | number>;
  private readonly body: Buffer;

  constructor(spec: RequestSpec, concurrency: number) {
    this.agent = new Agent({ keepAlive: true, maxSockets: concurrency });
    this.target = new URL(spec.url);
    this.body = Buffer.from(spec.body);
    this.headers = { ...spec.headers, "content-length": this.body.length };
  }

  /** One POST; resolves with the status and how many body bytes came. */
  post(): Promise<{ readonly status: number; readonly bytes: number }> {
    return new Promise((resolve, reject) => {
      const req = request(this.target, { method: "POST", agent: this.agent, headers: this.headers }, (res) => {
        let bytes = 0;
        res.on("data", (chunk: Buffer) => {
          bytes += chunk.length;
        });
        res.once("end", () => resolve({ status: res.statusCode ?? 0, bytes }));
        res.once("error", reject);
      });
      req.once("error", reject);
      req.end(this.body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/**
 * Closed loop: `concurrency` workers, each sending its next request as soon as its last one
 * answered, until `durationMs` has passed; requests already sent are then awaited and counted.
 * Throughput is requests / (first send to last answer): a server under closed-loop load tends
 * to answer in waves, and cutting the count at the deadline would drop part of a wave.
 */
export async function runLoad(spec: RequestSpec, durationMs: number, expectedBytes: number, concurrency = 16): Promise<LoadResult> {
  const latencies: number[] = [];
  let failures = 0;
  let failureSample: string | null = null;
  const start = performance.now();
  const deadline = start + durationMs;
  let last = start;
  await inParallel(spec, concurrency, async (client) => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      let ok = false;
      let problem = "";
      try {
        const { status, bytes } = await client.post();
        // The body was checked in full after warm-up; a changed size means a changed answer.
        ok = status === 200 && Math.abs(bytes - expectedBytes) <= expectedBytes * 0.01;
        if (!ok) problem = `HTTP ${status}, ${bytes} bytes (expected ${expectedBytes})`;
      } catch (error) {
        problem = (error as Error).message;
      }
      const t1 = performance.now();
      last = Math.max(last, t1);
      if (ok) latencies.push(t1 - t0);
      else {
        failures++;
        failureSample ??= problem;
      }
    }
  });
  return { rps: latencies.length / ((last - start) / 1000), requests: latencies.length + failures, latencies, failures, failureSample };
}

/** Sends one request and checks its parsed body; returns its size and a description. */
export async function probe<TBody>(spec: RequestSpec, check: (body: TBody) => string): Promise<{ bytes: number; summary: string }> {
  const res = await fetch(spec.url, { method: "POST", headers: spec.headers, body: spec.body });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${text.slice(0, 300)}`);
  return { bytes: Buffer.byteLength(text), summary: check(JSON.parse(text) as TBody) };
}

export async function warmUp(spec: RequestSpec, requests: number, concurrency = 16): Promise<void> {
  let left = requests;
  await inParallel(spec, concurrency, async (client) => {
    while (left-- > 0) {
      const { status } = await client.post();
      if (status !== 200) throw new Error(`warm-up: HTTP ${status}`);
    }
  });
}

/** Runs `concurrency` workers over one client's connections, closed when they are done. */
async function inParallel(spec: RequestSpec, concurrency: number, worker: (client: LoadClient) => Promise<void>): Promise<void> {
  const client = new LoadClient(spec, concurrency);
  try {
    await Promise.all(Array.from({ length: concurrency }, () => worker(client)));
  } finally {
    client.close();
  }
}

// ---------------------------------------------------------------------------------------
// Statistics and output

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Nearest-rank percentile. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

