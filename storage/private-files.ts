import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";

// Whatever the umask: the data dir holds every unit's data, the audit log and the platform's
// private key, so nobody but the account ecofed runs as may read it (issue 13 §3).
const DIR_MODE = 0o700;
const FILE_MODE = 0o600;

/** Creates `dir` (and its parents) if needed and makes it private. */
export function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  restrict(dir, DIR_MODE);
}

/**
 * Makes a data file private before anything is written to it: created empty with 0600 if
 * missing (SQLite takes an empty file as a new database, and gives its -wal and -shm the
 * file's own mode), chmod'ed if it exists, and so are the -wal/-shm an older run left.
 */
export function privateFile(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, "a", FILE_MODE));
  for (const path of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(path)) restrict(path, FILE_MODE);
}

function restrict(path: string, mode: number): void {
  try {
    chmodSync(path, mode);
  } catch (error) {
    // Not ours to change (a dir the operator shares on purpose): said, not fatal.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") throw error;
    console.error(`ecofed: cannot make ${path} private (${(error as Error).message}); check its owner and mode`);
  }
}
