/**
 * A signed checkpoint as the witness holds it: which log (its id, made when the log was
 * created), which checkpoint (its sequence number in the log), the record it signs and
 * the signature itself, so a reader needs to trust neither the log nor the witness's store.
 */
export interface WitnessEntry {
  readonly logId: string;
  readonly seq: number;
  readonly headId: number;
  readonly headHash: string;
  readonly at: string;
  readonly signature: string;
}

/**
 * Holds, outside the audit store, the latest signed checkpoint of each log a gateway
 * replica has written, moving forward only: a log truncated, emptied or replaced (deleted
 * and created anew) no longer reaches what its witness holds, and verification says what
 * is missing. One witness per replica (`replica` names whose logs these are).
 */
export interface AuditWitness {
  /** Keeps the entry if it is beyond the one held for its log; an older one is ignored. */
  advance(entry: WitnessEntry): Promise<void>;
  /** Every log of this replica the witness has seen, with its furthest checkpoint. */
  entries(): Promise<readonly WitnessEntry[]>;
  close(): Promise<void>;
}

/** The replica a single gateway is (issue 17 gives each replica its own). */
export const DEFAULT_REPLICA = "gw-0";

/** The environment variable naming the replica (the gateway and the audit unit beside it read the same). */
export const REPLICA_ID_ENV = "ECOFED_REPLICA_ID";

/** Whether a value read back from a witness store is an entry (a store is data, not trusted code). */
export function isWitnessEntry(value: unknown): value is WitnessEntry {
  const v = value as Record<string, unknown> | null;
  return (
    typeof v === "object" && v !== null &&
    typeof v["logId"] === "string" && Number.isSafeInteger(v["seq"]) && Number.isSafeInteger(v["headId"]) &&
    typeof v["headHash"] === "string" && typeof v["at"] === "string" && typeof v["signature"] === "string"
  );
}
