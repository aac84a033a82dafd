import { closeSync, fstatSync, openSync, statSync } from "node:fs";

/**
 * Which file a path named when a store opened it. SQLite keeps reading and writing the inode
 * it opened, so a file deleted or replaced under a running process goes unnoticed by every
 * statement: what it writes then, no reader of the path will ever see. The descriptor is held
 * so the inode stays ours to compare with whatever the path names later (two stat calls).
 */
export class FileIdentity {
  private readonly fd: number;
  private readonly ino: number;
  private readonly dev: number;

  constructor(readonly path: string) {
    this.fd = openSync(path, "r");
    const stat = fstatSync(this.fd);
    this.ino = stat.ino;
    this.dev = stat.dev;
  }

  /** Null while the path still names the file opened. */
  change(): "deleted" | "replaced" | null {
    const now = statSync(this.path, { throwIfNoEntry: false });
    if (now && (now.ino !== this.ino || now.dev !== this.dev)) return "replaced";
    if (!now || fstatSync(this.fd).nlink === 0) return "deleted";
    return null;
  }

  close(): void {
    closeSync(this.fd);
  }
}
