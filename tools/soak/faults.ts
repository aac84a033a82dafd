import { setTimeout as sleep } from "node:timers/promises";
import type { FederationProcess } from "./federation-process.js";
import type { LoopbackProxy } from "./loopback-proxy.js";
import type { RecoveryProbe } from "./recovery-probe.js";
import type { RedisInstance } from "./redis-instance.js";
import type { SeededRandom } from "./seeded-random.js";

export type FaultKind = "unit-kill" | "redis-cut" | "redis-restart" | "gateway-kill";

/** The order faults come in, over and over: a short run still sees each kind once. */
const CYCLE: readonly FaultKind[] = ["unit-kill", "redis-cut", "redis-restart", "gateway-kill"];

/** One fault every ~12 s, at least one of each kind. */
const FAULT_SPACING_MS = 12_000;

export interface FaultOutcome {
  readonly kind: FaultKind;
  /** Milliseconds after the load started. */
  readonly at: number;
  readonly target: string | null;
  /** From the fault to the federation serving the recovery probe again; null: it did not. */
  readonly recoveredMs: number | null;
  readonly problem: string | null;
}

export interface FaultTargets {
  readonly federation: FederationProcess;
  readonly redis: RedisInstance;
  readonly proxy: LoopbackProxy;
  readonly probe: RecoveryProbe;
  readonly redisCutMs: number;
  readonly log: (line: string) => void;
}

/** When each fault is due, evenly over the load. */
export function faultSchedule(durationMs: number): { kind: FaultKind; at: number }[] {
  const count = Math.max(CYCLE.length, Math.floor(durationMs / FAULT_SPACING_MS));
  return Array.from({ length: count }, (_, i) => ({ kind: CYCLE[i % CYCLE.length]!, at: ((i + 1) * durationMs) / (count + 1) }));
}

/**
 * Runs the schedule one fault at a time, each once the one before has recovered (and not
 * before it is due), until the load is over (`loadDone`). Every fault is followed by the
 * probe: the federation must serve again.
 */
export async function runFaults(targets: FaultTargets, schedule: readonly { kind: FaultKind; at: number }[], rng: SeededRandom, loadDone: Promise<unknown>): Promise<FaultOutcome[]> {
  const started = performance.now();
  let over = false;
  void loadDone.finally(() => (over = true));
  const outcomes: FaultOutcome[] = [];
  for (const { kind, at } of schedule) {
    const wait = at - (performance.now() - started);
    if (wait > 0) await Promise.race([sleep(wait), loadDone]);
    if (over) break;
    const firedAt = performance.now() - started;
    const outcome = await inject(targets, kind, rng, firedAt);
    outcomes.push(outcome);
    targets.log(
      `soak: +${(firedAt / 1000).toFixed(1)} s ${kind}${outcome.target ? ` ${outcome.target}` : ""}: ` +
        (outcome.problem ?? `serving again after ${((outcome.recoveredMs ?? 0) / 1000).toFixed(1)} s`),
    );
  }
  return outcomes;
}

async function inject(targets: FaultTargets, kind: FaultKind, rng: SeededRandom, at: number): Promise<FaultOutcome> {
  const { federation, redis, proxy, probe } = targets;
  const t0 = Date.now();
  let target: string | null = null;
  let timeoutMs = 30_000;
  try {
    switch (kind) {
      case "unit-kill":
        if (federation.units.size === 0) throw new Error("no unit process is known (the federation is down)");
        target = rng.pick([...federation.units.keys()]);
        // The supervisor restarts it after 1 s; the gateway reaches it again with no restart of its own.
        await federation.killUnit(target, 60_000);
        break;
      case "redis-cut":
        target = `${targets.redisCutMs / 1000} s`;
        await proxy.cut();
        await sleep(targets.redisCutMs);
        await proxy.restore();
        break;
      case "redis-restart":
        // Without persistence: whatever ecofed kept in Redis (governance state, nonces, the audit witness) is gone.
        await redis.restart();
        break;
      case "gateway-kill":
        target = "ecofed start";
        await federation.killAndRestart(30_000, 180_000);
        timeoutMs = 60_000;
        break;
    }
  } catch (error) {
    return { kind, at, target, recoveredMs: null, problem: `the fault itself failed: ${(error as Error).message}` };
  }
  const serving = await probe.waitUntilServing(timeoutMs);
  if (serving === null) return { kind, at, target, recoveredMs: null, problem: `the federation did not serve again within ${timeoutMs / 1000} s` };
  return { kind, at, target, recoveredMs: Date.now() - t0, problem: null };
}
