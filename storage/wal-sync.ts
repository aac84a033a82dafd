import { closeSync, fdatasync, fsyncSync, openSync } from "node:fs";
import { dirname } from "node:path";
import type Database from "better-sqlite3";

/** `fs.fdatasync`'s shape: tests hold or fail it to prove nothing resolves before the disk has the data. */
export type Fsync = (fd: number, callback: (error: NodeJS.ErrnoException | null) => void) => void;

interface Waiter {
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Durable commits without stalling the event loop. With `synchronous = FULL` SQLite fsyncs
 * the WAL inside every commit, on the thread that commits: for a server, a blocked event
 * loop (~0.4 ms a commit on this machine's disk). Here the connection commits with
 * `synchronous = NORMAL` (the WAL is written, not yet synced; checkpoints still sync it)
 * and `durable()` syncs the WAL file on libuv's thread pool — fdatasync, as SQLite's own
 * FULL does on Linux — so what it covers survives power loss. Commits made while a sync is in flight
 * share the next one (group commit of the syncs).
 *
 * Holds while this connection stays open: SQLite keeps the WAL file (same inode, reset or
 * truncated in place) until its last connection closes.
 */
export class WalSync {
  private fd: number | null = null;
  private waiting: Waiter[] = [];
  private syncing = false;

  constructor(
    private readonly db: Database.Database,
    private readonly syncFile: Fsync = fdatasync,
  ) {
    db.pragma("synchronous = NORMAL");
  }

  /** Resolves once everything this connection committed before the call is on disk. */
  durable(): Promise<void> {
    if (this.db.memory) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.next();
    });
  }

  /** Waits for what is left to be synced (after any sync in flight), then lets the WAL file go. */
  async close(): Promise<void> {
    // A WAL that cannot be synced any more (its file deleted) failed its waiters already;
    // closing must still let go, or the rest of a gateway's stop is skipped.
    await this.durable().catch(() => undefined);
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
  }

  private next(): void {
    if (this.syncing || this.waiting.length === 0) return;
    const batch = this.waiting;
    this.waiting = [];
    let fd: number;
    try {
      fd = this.walFile();
    } catch (error) {
      for (const w of batch) w.reject(error);
      return;
    }
    this.syncing = true;
    this.syncFile(fd, (error) => {
      this.syncing = false;
      for (const w of batch) (error ? w.reject(error) : w.resolve());
      this.next();
    });
  }

  /** The WAL file, opened once; the first time its directory entry is made durable too. */
  private walFile(): number {
    if (this.fd !== null) return this.fd;
    const wal = `${this.db.name}-wal`;
    this.fd = openSync(wal, "r");
    const dir = openSync(dirname(wal), "r");
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
    return this.fd;
  }
}
