import type Database from "better-sqlite3";
import { openStore, type Migration } from "../../storage/sqlite-store.js";
import type { CheckResult } from "../../server/health-report.js";
import type { NonceStore } from "./nonce-store.js";
import { StoreHealth } from "./store-health.js";

const MIGRATIONS: readonly Migration[] = [
  {
    description: "nonces of accepted assertions, each until its assertion expires",
    up: (db) => db.exec("CREATE TABLE seen_nonce (nonce TEXT PRIMARY KEY, expires_at INTEGER NOT NULL) WITHOUT ROWID"),
  },
];

/**
 * The nonces of the assertions a unit has accepted when it has no Redis, each kept until
 * its assertion expires: a second use of one is a replay. Kept in a store file of the
 * unit's (committed before the request runs; WAL, so a commit survives the process), so a
 * restart forgets none of them (issue 13: a used assertion worked again after a restart).
 * Expired rows are swept as the table grows: amortised O(1) per assertion.
 */
export class SeenNonces implements NonceStore {
  private readonly insert: Database.Statement<[string, number]>;
  private readonly sweepStatement: Database.Statement<[number]>;
  private readonly countStatement: Database.Statement<[]>;
  private insertsUntilSweep = 1_024;
  private readonly store: StoreHealth;

  private constructor(
    private readonly db: Database.Database,
    file: string,
  ) {
    this.store = new StoreHealth(db, file);
    this.insert = db.prepare("INSERT OR IGNORE INTO seen_nonce (nonce, expires_at) VALUES (?, ?)");
    this.sweepStatement = db.prepare("DELETE FROM seen_nonce WHERE expires_at <= ?");
    this.countStatement = db.prepare("SELECT count(*) AS n FROM seen_nonce");
  }

  static open(file: string): SeenNonces {
    return new SeenNonces(openStore({ file, migrations: MIGRATIONS }), file);
  }

  /** False when the nonce was seen before (a replay); otherwise remembers it. */
  async remember(nonce: string, expiresAtMs: number, nowMs = Date.now()): Promise<boolean> {
    try {
      if (--this.insertsUntilSweep <= 0) this.sweep(nowMs);
      return this.insert.run(nonce, expiresAtMs).changes === 1;
    } catch (error) {
      console.error(`ecofed: the nonce store cannot be written (${(error as Error).message}); requests get UNIT_UNAVAILABLE`);
      throw error;
    }
  }

  /** A nonce file deleted under the unit would forget every nonce at the next restart: a replay window. */
  health(): CheckResult {
    return this.store.check();
  }

  get size(): number {
    return (this.countStatement.get() as { n: number }).n;
  }

  async close(): Promise<void> {
    this.store.close();
    this.db.close();
  }

  private sweep(nowMs: number): void {
    this.sweepStatement.run(nowMs);
    // Sweep again when the live set may have doubled.
    this.insertsUntilSweep = Math.max(1_024, this.size);
  }
}
