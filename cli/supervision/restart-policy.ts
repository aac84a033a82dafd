/**
 * When a supervised unit that stopped is started again (issue 14 item 4). A run shorter than
 * `stableAfterMs` is a fast failure: each one in a row doubles the wait from `baseDelayMs` up
 * to `maxDelayMs`, and after `maxFastFailures` of them the supervisor gives up on the unit —
 * a unit that cannot stay up is an operator's problem, not one to hide behind a restart loop.
 */
export interface RestartPolicy {
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly maxFastFailures: number;
  readonly stableAfterMs: number;
}

/** 1 s doubling to 30 s; eight fast failures in a row (about 91 s of trying) give up. */
export const DEFAULT_RESTART_POLICY: RestartPolicy = { baseDelayMs: 1_000, maxDelayMs: 30_000, maxFastFailures: 8, stableAfterMs: 30_000 };

export type RestartDecision = { readonly restart: true; readonly delayMs: number } | { readonly restart: false };

/** The decision after the `fastFailures`-th fast failure in a row (0: the run was stable). */
export function nextRestart(policy: RestartPolicy, fastFailures: number): RestartDecision {
  if (fastFailures >= policy.maxFastFailures) return { restart: false };
  const doublings = Math.max(0, fastFailures - 1);
  return { restart: true, delayMs: Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** doublings) };
}
