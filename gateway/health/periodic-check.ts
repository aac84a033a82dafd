import type { CheckResult } from "../../server/health-report.js";

export interface PeriodicCheckOptions {
  /** From the start of one run to the start of the next (longer when a run takes longer). */
  readonly intervalMs: number;
  /** A run not settled by then counts as `timedOut` and is aborted. */
  readonly timeoutMs: number;
  readonly timedOut: CheckResult;
  /** What a run that throws counts as. */
  readonly failed: (error: Error) => CheckResult;
  /** Called when the result changes (ok ↔ failed, or another code); `before` is null on the first result. */
  readonly onChange?: (now: CheckResult, before: CheckResult | null) => void;
}

/**
 * Runs one check over and over, keeping its latest result for `/health/ready` to read at no
 * cost. Never two runs at once: a slow target is not piled up with checks (the next starts
 * only once the last has settled). Its timer is unref'd: a check never holds the process.
 */
export class PeriodicCheck {
  private latest: CheckResult;
  private seen = false;
  private timer: NodeJS.Timeout | null = null;
  private running: AbortController | null = null;
  private stopped = false;

  constructor(
    private readonly run: (signal: AbortSignal) => Promise<CheckResult>,
    private readonly options: PeriodicCheckOptions,
    /** What is reported before the first run has settled. */
    initial: CheckResult,
  ) {
    this.latest = initial;
  }

  get result(): CheckResult {
    return this.latest;
  }

  /** Starts the runs; resolves once the first has a result (at most `timeoutMs`). */
  start(): Promise<void> {
    return new Promise((resolve) => this.tick(resolve));
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.running?.abort();
  }

  private tick(firstResult: () => void = () => undefined): void {
    if (this.stopped) return firstResult();
    const started = Date.now();
    const abort = new AbortController();
    this.running = abort;
    let decided = false;
    const decide = (result: CheckResult): void => {
      if (decided) return;
      decided = true;
      if (!this.stopped) this.record(result);
      firstResult();
    };
    const timeout = setTimeout(() => {
      decide(this.options.timedOut);
      abort.abort();
    }, this.options.timeoutMs);
    timeout.unref();
    void Promise.resolve()
      .then(() => this.run(abort.signal))
      .catch((error: unknown) => this.options.failed(error instanceof Error ? error : new Error(String(error))))
      // A result after the timeout is a late answer: the timeout stands until the next run.
      .then(decide)
      .finally(() => {
        clearTimeout(timeout);
        this.running = null;
        if (this.stopped) return;
        this.timer = setTimeout(() => this.tick(), Math.max(0, this.options.intervalMs - (Date.now() - started)));
        this.timer.unref();
      });
  }

  private record(result: CheckResult): void {
    const before = this.seen ? this.latest : null;
    this.latest = result;
    this.seen = true;
    const changed = before === null || before.ok !== result.ok || (!before.ok && !result.ok && before.code !== result.code);
    if (changed) this.options.onChange?.(result, before);
  }
}
