import { Worker } from "node:worker_threads";

/**
 * A unit process never outlives the supervisor that forked it (issue 14: an orphaned unit
 * busy on a huge answer kept its port and ignored SIGTERM for 40 s). The IPC `disconnect`
 * event cannot help a unit whose event loop is blocked, so the watch runs on its own thread:
 * once the parent is gone (the process is re-parented), it asks the unit to stop and, after
 * `graceMs`, kills it whatever it is doing.
 */
export function exitWithParent(graceMs = 5_000, intervalMs = 250): void {
  const worker = new Worker(WATCHER, { eval: true, workerData: { parent: process.ppid, pid: process.pid, graceMs, intervalMs } });
  // The watch must not keep an otherwise finished process alive.
  worker.unref();
}

// Plain script: an eval'd worker is CommonJS whatever the project's module type.
const WATCHER = `
const { workerData } = require("node:worker_threads");
const { parent, pid, graceMs, intervalMs } = workerData;
const timer = setInterval(() => {
  if (process.ppid === parent) return;
  clearInterval(timer);
  process.kill(pid, "SIGTERM");
  setTimeout(() => process.kill(pid, "SIGKILL"), graceMs);
}, intervalMs);
`;
