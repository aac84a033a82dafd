import { readFileSync, statSync } from "node:fs";

/**
 * A file another process rewrites (by rename) while this one runs — the platform keyring,
 * the revocation list: its parsed content, re-read whenever its modification time or size
 * changes. A stat per read costs microseconds, and the change takes effect on the very next
 * request, with no restart. A missing or unparsable file yields the error, never stale data.
 */
export class WatchedFile<T> {
  private stamp = "";
  private value: T | Error = new Error("not read yet");

  constructor(
    readonly path: string,
    private readonly parse: (text: string) => T,
  ) {}

  /** The current content, or why there is none. */
  read(): T | Error {
    let stamp: string;
    try {
      const stat = statSync(this.path);
      stamp = `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
    } catch (error) {
      this.stamp = "";
      return (this.value = asError(error));
    }
    if (stamp === this.stamp) return this.value;
    try {
      this.value = this.parse(readFileSync(this.path, "utf8"));
    } catch (error) {
      this.value = asError(error);
    }
    this.stamp = stamp;
    return this.value;
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
