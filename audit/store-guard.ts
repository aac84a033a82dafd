import { closeSync, fstatSync, openSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/** How often a fresh connection re-reads every page of the log (issue 13: corruption found within 10 s). */
export const QUICK_CHECK_INTERVAL_MS = 5_000;

// Runs in a worker: quick_check reads every page, seconds on a large log, which must not
// stall the event loop. A new read-only connection each time reads the pages on disk, not
// what the writer's connection has cached.
const QUICK_CHECK_WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
parentPort.on("message", () => {
  let result;
  try {
    const db = new Database(workerData.file, { readonly: true, fileMustExist: true, timeout: 1000 });
    try { result = String(db.pragma("quick_check(1)", { simple: true })); } finally { db.close(); }
  } catch (error) {
    result = error.code === "SQLITE_BUSY" ? "ok" : (error.code ?? "error") + ": " + error.message;
  }
  parentPort.postMessage(result);
});`;

export interface StoreGuardOptions {
  /** Called once, with the reason, when the store is found unusable. */
  readonly onBroken: (reason: string) => void;
  /** 0: no periodic check (tests of the other signals). */
  readonly quickCheckIntervalMs?: number;
}

/**
 * Watches the audit store's file for what SQLite alone does not notice: the file unlinked
 * or replaced under the running process (its connection would keep writing to an inode no
 * reader will ever see), or its pages overwritten (found by a periodic quick_check). Once
 * broken it stays broken: the log it was writing can no longer be trusted to hold a record.
 */
export class StoreGuard {
  private readonly fd: number;
  private readonly ino: number;
  private readonly dev: number;
  private brokenReason: string | null = null;
  private readonly worker: Worker | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly file: string,
    private readonly options: StoreGuardOptions,
  ) {
    // Held open so that the inode stays ours to compare with whatever the path names later.
    this.fd = openSync(file, "r");
    const stat = fstatSync(this.fd);
    this.ino = stat.ino;
    this.dev = stat.dev;
    const interval = options.quickCheckIntervalMs ?? QUICK_CHECK_INTERVAL_MS;
    if (interval > 0) {
      const driver = createRequire(import.meta.url).resolve("better-sqlite3");
      this.worker = new Worker(QUICK_CHECK_WORKER, { eval: true, workerData: { file, driver } });
      this.worker.unref();
      this.worker.on("message", (result: string) => {
        if (result !== "ok") this.markBroken(`the audit store failed its integrity check (${result})`);
        else this.schedule(interval);
      });
      this.worker.on("error", (error) => this.markBroken(`the audit store's integrity check stopped: ${error.message}`));
      this.schedule(interval);
    }
  }

  /** Null while the store is usable; otherwise why it is not. */
  get reason(): string | null {
    return this.brokenReason;
  }

  /** Checks the file is still the one opened (two stat calls: cheap enough for every commit). */
  check(): string | null {
    if (this.brokenReason) return this.brokenReason;
    const now = statSync(this.file, { throwIfNoEntry: false });
    if (now && (now.ino !== this.ino || now.dev !== this.dev)) return this.markBroken(`the audit store ${this.file} was replaced under the running gateway`);
    if (!now || fstatSync(this.fd).nlink === 0) return this.markBroken(`the audit store ${this.file} was deleted under the running gateway`);
    return null;
  }

  markBroken(reason: string): string {
    if (this.brokenReason) return this.brokenReason;
    this.brokenReason = reason;
    this.stopChecks();
    this.options.onBroken(reason);
    return reason;
  }

  async close(): Promise<void> {
    this.stopChecks();
    await this.worker?.terminate();
    closeSync(this.fd);
  }

  private schedule(interval: number): void {
    if (this.brokenReason || !this.worker) return;
    this.timer = setTimeout(() => this.worker?.postMessage("check"), interval);
    this.timer.unref();
  }

  private stopChecks(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
