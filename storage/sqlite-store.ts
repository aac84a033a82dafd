import { dirname } from "node:path";
import Database from "better-sqlite3";
import { privateDir, privateFile } from "./private-files.js";

/** One forward step of a store's schema; `user_version` counts the steps applied. */
export interface Migration {
  readonly description: string;
  readonly up: (db: Database.Database) => void;
}

/** A store that cannot be opened; its message is the one line the process prints. */
export class StoreOpenError extends Error {
  override readonly name = "StoreOpenError";
}

export interface OpenStoreOptions {
  readonly file: string;
  readonly migrations: readonly Migration[];
  /** Called per executed statement; the query-count tests use it. */
  readonly onStatement?: (sql: string) => void;
  /** FULL: a commit survives power loss, not only a process crash (the audit log needs it). */
  readonly synchronous?: "NORMAL" | "FULL";
  /**
   * How long a statement waits, on the event loop, for a lock another process holds, once the
   * store is open (default 0: it fails at once with SQLITE_BUSY, a coded error to the client;
   * issue 13 found every request stalled 2 s behind a lock). Opening and migrating wait 2 s.
   */
  readonly busyTimeoutMs?: number;
}

/**
 * Opens a unit's SQLite file, checks it is sound and migrates it forward, so a data dir
 * made by an older version keeps working. A corrupt, locked or newer file is refused.
 */
export function openStore(options: OpenStoreOptions): Database.Database {
  const { file, migrations } = options;
  let db: Database.Database;
  try {
    privateDir(dirname(file));
    privateFile(file);
    db = new Database(file, { timeout: 2_000, ...(options.onStatement ? { verbose: (sql) => options.onStatement!(String(sql)) } : {}) });
  } catch (error) {
    throw new StoreOpenError(`cannot open data file ${file}: ${(error as Error).message}`);
  }
  try {
    db.pragma("journal_mode = WAL");
    db.pragma(`synchronous = ${options.synchronous ?? "NORMAL"}`);
    db.pragma("foreign_keys = ON");
    const check = db.pragma("quick_check(1)", { simple: true });
    if (check !== "ok") throw new StoreOpenError(`data file ${file} is corrupt (${String(check)})`);
    migrate(db, file, migrations);
    privateFile(file);
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 0}`);
    return db;
  } catch (error) {
    db.close();
    throw describe(error, file);
  }
}

function migrate(db: Database.Database, file: string, migrations: readonly Migration[]): void {
  // IMMEDIATE takes the write lock now, so a file another process holds is found here.
  db.exec("BEGIN IMMEDIATE");
  try {
    const version = db.pragma("user_version", { simple: true }) as number;
    if (version > migrations.length) {
      throw new StoreOpenError(
        `data file ${file} has schema version ${version}, newer than this ecofed knows (${migrations.length}); upgrade ecofed`,
      );
    }
    for (let v = version; v < migrations.length; v++) migrations[v]!.up(db);
    db.pragma(`user_version = ${migrations.length}`);
    db.exec("COMMIT");
  } catch (error) {
    db.exec("ROLLBACK");
    throw error;
  }
}

function describe(error: unknown, file: string): StoreOpenError {
  if (error instanceof StoreOpenError) return error;
  const code = (error as { code?: string }).code ?? "";
  if (code === "SQLITE_BUSY" || code === "SQLITE_LOCKED") {
    return new StoreOpenError(`data file ${file} is locked by another process`);
  }
  if (code === "SQLITE_NOTADB" || code === "SQLITE_CORRUPT") {
    return new StoreOpenError(`data file ${file} is corrupt (${(error as Error).message})`);
  }
  return new StoreOpenError(`cannot use data file ${file}: ${(error as Error).message}`);
}

/**
 * Runs `seed` once, in one transaction with its marker, so a store is either fully seeded
 * or untouched; existing data is never overwritten.
 */
export function seedOnce(db: Database.Database, seed: (db: Database.Database) => void): boolean {
  db.exec("CREATE TABLE IF NOT EXISTS ecofed_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
  return db.transaction(() => {
    const done = db.prepare("SELECT value FROM ecofed_meta WHERE key = 'seeded_at'").get();
    if (done) return false;
    seed(db);
    db.prepare("INSERT INTO ecofed_meta (key, value) VALUES ('seeded_at', ?)").run(new Date().toISOString());
    return true;
  }).immediate();
}
