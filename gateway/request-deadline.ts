/**
 * Issue 14 item 3: how long one fetch to a unit may take. Each fetch has its own timeout,
 * and every fetch of a request shares the request's deadline, counted from its arrival: a
 * fetch the plan starts late (after other fetches, in a sequence) gets only what remains.
 */

/** When a request's time is up, on `performance.now()`'s clock (monotonic: a clock change moves nothing). */
export interface RequestDeadline {
  readonly at: number;
  /** The deadline as configured, for the error's message. */
  readonly ms: number;
}

/** What a request's context carries once the gateway has received the request. */
export interface WithDeadline {
  readonly deadline?: RequestDeadline;
}

/** How long one fetch may run, and what to say when it runs out. */
export interface FetchBudget {
  readonly ms: number;
  readonly cause: string;
}

export function requestDeadline(ms: number, now: number = performance.now()): RequestDeadline {
  return { at: now + ms, ms };
}

/** The shorter of the fetch's own timeout and what remains of the request's deadline; ≤ 0: none left. */
export function fetchBudget(timeoutMs: number, deadline: RequestDeadline | undefined, now: number = performance.now()): FetchBudget {
  const remaining = deadline ? deadline.at - now : Infinity;
  return remaining < timeoutMs
    ? { ms: remaining, cause: `the request's ${deadline!.ms} ms deadline passed` }
    : { ms: timeoutMs, cause: `no answer within ${timeoutMs} ms` };
}
