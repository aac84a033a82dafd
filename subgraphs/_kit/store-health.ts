import type Database from "better-sqlite3";
import { checkFailed, CHECK_OK, type CheckResult } from "../../server/health-report.js";
import { FileIdentity } from "../../storage/file-identity.js";

/**
 * Whether a unit's SQLite store can still be used, for its `/health`: the file is still the
 * one opened (not deleted or replaced under the unit, which SQLite itself never notices) and
 * a statement on the unit's own connection runs. Cheap enough for every health request.
 */
export class StoreHealth {
  private readonly identity: FileIdentity;
  private readonly probe: Database.Statement;

  constructor(
    db: Database.Database,
    private readonly file: string,
  ) {
    this.identity = new FileIdentity(file);
    // Reads the schema page, not a constant: the connection must reach the file.
    this.probe = db.prepare("SELECT 1 FROM sqlite_master LIMIT 1");
  }

  check(): CheckResult {
    const change = this.identity.change();
    if (change === "deleted") return checkFailed("STORE_DELETED", `the store ${this.file} was deleted under the running unit`);
    if (change === "replaced") return checkFailed("STORE_REPLACED", `the store ${this.file} was replaced under the running unit`);
    try {
      this.probe.get();
      return CHECK_OK;
    } catch (error) {
      return checkFailed("STORE_UNREADABLE", `the store ${this.file} cannot be read: ${(error as Error).message}`);
    }
  }

  close(): void {
    this.identity.close();
  }
}
