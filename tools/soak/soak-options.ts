import { parseArgs } from "node:util";

/** What one soak run does: how long, how many requests at most, with how many clients. */
export interface SoakOptions {
  /** The load phase stops after this long… */
  readonly durationMs: number;
  /** …or after this many requests, whichever comes first. */
  readonly maxRequests: number;
  /** Clients sending at once, each its next request as soon as its last one is answered. */
  readonly concurrency: number;
  /** Seeds the request mix and the choice of units to kill: a run can be repeated. */
  readonly seed: number;
  /** How long Redis stays cut through the proxy. */
  readonly redisCutMs: number;
  /** Keep the run's directory (data dir, logs, every response) even when the run passes. */
  readonly keep: boolean;
  /** A data dir to use instead of a fresh one (its demo data is reused by later runs). */
  readonly dataDir: string | null;
}

/** A flag or variable that cannot be used: the one line the soak prints before it exits 2. */
export class SoakUsageError extends Error {
  override readonly name = "SoakUsageError";
}

export const SOAK_USAGE = `usage: npm run soak -- [--duration SECONDS] [--requests N] [--concurrency N] [--seed N] [--redis-cut SECONDS] [--keep] [--data-dir DIR]
  defaults: 90 s or 20000 requests, whichever first; 8 clients; seed 14; Redis cut for 3 s
  environment: SOAK_DURATION_S, SOAK_REQUESTS, SOAK_CONCURRENCY, SOAK_SEED, SOAK_REDIS_CUT_S, SOAK_KEEP=1, SOAK_DATA_DIR,
               SOAK_REDIS_SERVER (the redis-server binary, default: the one on PATH)`;

/** Flags first, then the environment, then the defaults; every number checked before anything starts. */
export function soakOptions(argv: readonly string[], env: NodeJS.ProcessEnv): SoakOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      duration: { type: "string" },
      requests: { type: "string" },
      concurrency: { type: "string" },
      seed: { type: "string" },
      "redis-cut": { type: "string" },
      keep: { type: "boolean" },
      "data-dir": { type: "string" },
    },
  });
  const number = (flag: string, text: string | undefined, fallback: number, min: number): number => {
    if (text === undefined || text === "") return fallback;
    const n = Number(text);
    if (!Number.isInteger(n) || n < min) throw new SoakUsageError(`--${flag} must be a whole number ≥ ${min}, got "${text}"`);
    return n;
  };
  return {
    durationMs: number("duration", values.duration ?? env["SOAK_DURATION_S"], 90, 5) * 1000,
    maxRequests: number("requests", values.requests ?? env["SOAK_REQUESTS"], 20_000, 1),
    concurrency: number("concurrency", values.concurrency ?? env["SOAK_CONCURRENCY"], 8, 1),
    seed: number("seed", values.seed ?? env["SOAK_SEED"], 14, 0),
    redisCutMs: number("redis-cut", values["redis-cut"] ?? env["SOAK_REDIS_CUT_S"], 3, 1) * 1000,
    keep: values.keep ?? env["SOAK_KEEP"] === "1",
    dataDir: values["data-dir"] ?? (env["SOAK_DATA_DIR"] || null),
  };
}
