import type { CheckResult } from "../../server/health-report.js";

/**
 * Where a unit remembers the nonces of the gateway's assertions it accepted, each until its
 * assertion expires, so that a second use is refused as a replay (issue 13). A store that
 * cannot answer logs why and throws: the caller refuses the request rather than guess
 * (fail closed), and the client learns only that the unit is unavailable.
 */
export interface NonceStore {
  /** False when the nonce was seen before (a replay); otherwise remembers it until `expiresAtMs`. */
  remember(nonce: string, expiresAtMs: number): Promise<boolean>;
  /** Whether `remember` can answer now, for the unit's `/health`: the unit serves nothing while it cannot. */
  health(): CheckResult | Promise<CheckResult>;
  close(): Promise<void>;
}
