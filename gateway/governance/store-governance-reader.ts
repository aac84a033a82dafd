import { existsSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { GOVERNANCE_STORE_FILE } from "../../governance/migrations.js";
import { readGovernanceState, readGovernanceVersion } from "../../governance/governance-state.js";
import type { PublishedGovernanceState } from "../../governance/published-state.js";
import type { GovernanceReader } from "./governance-grant-source.js";

/**
 * Reads grants and suspensions from the governance unit's store in the data dir (one
 * machine, `npm start`): the state version is one indexed read. No store in a federation
 * without governance: no state at all — nothing granted, nobody suspended. No store where the
 * supergraph has the governance unit (`required`): an error, the request is refused — "nobody
 * suspended" would serve a unit the cac-office has suspended (issue 14: fail open).
 */
export class StoreGovernanceReader implements GovernanceReader {
  private db: Database.Database | null = null;
  readonly file: string;

  constructor(
    dataDir: string,
    private readonly required = false,
  ) {
    this.file = join(dataDir, GOVERNANCE_STORE_FILE);
  }

  version(): string | null {
    const db = this.open();
    if (!db) {
      if (this.required) throw new Error(`the governance store ${this.file} is missing`);
      return null;
    }
    return `store:${readGovernanceVersion(db)}`;
  }

  state(now: Date): PublishedGovernanceState {
    return readGovernanceState(this.open()!, now);
  }

  close(): void {
    this.db?.close();
    this.db = null;
  }

  private open(): Database.Database | null {
    if (this.db) return this.db;
    if (!existsSync(this.file)) return null;
    // The governance unit owns and migrates the file; the gateway only reads it.
    this.db = new Database(this.file, { fileMustExist: true });
    // Reads in WAL mode wait for no writer; a lock held by some other process fails this
    // request at once (GOVERNANCE_UNAVAILABLE) rather than stalling every request behind it.
    this.db.pragma("busy_timeout = 0");
    return this.db;
  }
}
