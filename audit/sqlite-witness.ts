import type Database from "better-sqlite3";
import { openStore, type Migration } from "../storage/sqlite-store.js";
import type { AuditWitness, WitnessEntry } from "./witness.js";

/** The witness's own store in the data dir: a database apart from the log it witnesses. */
export const AUDIT_WITNESS_FILE = "audit-witness.sqlite";

const MIGRATIONS: readonly Migration[] = [
  {
    description: "the furthest signed checkpoint of each audit log, moving forward only",
    up: (db) =>
      db.exec(`
        CREATE TABLE audit_witness (
          log_id TEXT PRIMARY KEY,
          seq INTEGER NOT NULL,
          head_id INTEGER NOT NULL,
          head_hash TEXT NOT NULL,
          at TEXT NOT NULL,
          signature TEXT NOT NULL
        ) STRICT;
        CREATE TRIGGER audit_witness_forward_only BEFORE UPDATE ON audit_witness
          WHEN NEW.head_id <= OLD.head_id OR NEW.log_id <> OLD.log_id
          BEGIN SELECT RAISE(ABORT, 'the witness moves forward only'); END;
        CREATE TRIGGER audit_witness_keep BEFORE DELETE ON audit_witness
          BEGIN SELECT RAISE(ABORT, 'the witness forgets nothing'); END;
      `),
  },
];

/** The witness in a SQLite file (one machine, no Redis): one row per log, forward only. */
export class SqliteAuditWitness implements AuditWitness {
  private readonly upsert: Database.Statement;
  private readonly all: Database.Statement;

  private constructor(private readonly db: Database.Database) {
    // Forward only in the statement too, so an older checkpoint is a no-op rather than the trigger's abort.
    this.upsert = db.prepare(`INSERT INTO audit_witness (log_id, seq, head_id, head_hash, at, signature) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT(log_id) DO UPDATE SET seq = excluded.seq, head_id = excluded.head_id, head_hash = excluded.head_hash,
        at = excluded.at, signature = excluded.signature
      WHERE excluded.head_id > audit_witness.head_id`);
    this.all = db.prepare(`SELECT log_id AS logId, seq, head_id AS headId, head_hash AS headHash, at, signature FROM audit_witness ORDER BY log_id`);
  }

  static open(file: string): SqliteAuditWitness {
    return new SqliteAuditWitness(openStore({ file, migrations: MIGRATIONS, synchronous: "FULL" }));
  }

  async advance(e: WitnessEntry): Promise<void> {
    this.upsert.run(e.logId, e.seq, e.headId, e.headHash, e.at, e.signature);
  }

  async entries(): Promise<readonly WitnessEntry[]> {
    return this.all.all() as WitnessEntry[];
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
