import type Database from "better-sqlite3";
import type { VerificationKeys } from "../../schema/platform-keys.js";
import type { WitnessEntry } from "../../audit/witness.js";
import type { UnitRequest } from "../_kit/unit.js";
import { AuditRepository } from "./repository.js";
import { visibilityOf, type Visibility } from "./visibility.js";

/** What each request of the audit subgraph gets: the store, who may see what, and the key that verifies checkpoints. */
export interface AuditContext {
  readonly db: Database.Database;
  readonly repository: AuditRepository;
  readonly visibility: Visibility;
  readonly isSecurity: boolean;
  readonly platformKeys: VerificationKeys | null;
  /** What the witness outside the log holds of it (the gateway's latest signed checkpoints). */
  readonly witnessEntries: () => Promise<readonly WitnessEntry[]>;
}

export function auditContext(
  db: Database.Database,
  repository: AuditRepository,
  platformKeys: VerificationKeys | null,
  witnessEntries: () => Promise<readonly WitnessEntry[]>,
  request: UnitRequest,
): AuditContext {
  return {
    db,
    repository,
    visibility: visibilityOf(request.requester),
    isSecurity: request.requester?.roles.includes("security") ?? false,
    platformKeys,
    witnessEntries,
  };
}
