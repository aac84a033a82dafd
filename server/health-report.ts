/**
 * Every code a `/health` or `/health/ready` answer can name, with what it means: the gateway
 * and the units say what is not ready the same way, so a dashboard reads one vocabulary
 * (issue 14: "naming what is not ready by its code").
 */
export const HEALTH_CODES = {
  STARTING: "The gateway is starting or stopping: its supergraph is not loaded.",
  AUDIT_UNAVAILABLE: "The gateway cannot write its audit log, so it serves nothing (requests get 503 AUDIT_UNAVAILABLE).",
  GOVERNANCE_UNAVAILABLE: "The gateway cannot read grants and suspensions (the governance store or Redis), so it serves nothing.",
  IDENTITY_UNAVAILABLE: "The gateway cannot sign with the platform key (the keyring is unreadable): no unit would accept any of its fetches.",
  UNIT_UNREACHABLE: "The gateway's probe found no server at the unit's URL (connection refused or reset).",
  UNIT_TIMEOUT: "The unit did not answer the gateway's probe within its timeout.",
  UNIT_REFUSED: "The unit answered the gateway's signed probe with an HTTP error (an assertion it does not accept, or 503: it cannot serve).",
  UNIT_BAD_ANSWER: "The unit answered the probe, but not with the `__typename` of its query type.",
  STORE_DELETED: "A unit's SQLite file was deleted under the running unit: what it writes, no reader will ever see.",
  STORE_REPLACED: "A unit's SQLite file was replaced by another file under the running unit.",
  STORE_UNREADABLE: "A statement on the unit's own store connection failed.",
  NONCE_STORE_UNREACHABLE: "The unit keeps assertion nonces in Redis and Redis does not answer, so the unit serves nothing (503 UNIT_UNAVAILABLE).",
} as const;

export type HealthCode = keyof typeof HEALTH_CODES;

/** One thing a process needs to serve, as it was found. */
export type CheckResult = { readonly ok: true } | { readonly ok: false; readonly code: HealthCode; readonly reason: string };

export const CHECK_OK: CheckResult = { ok: true };

export function checkFailed(code: HealthCode, reason: string): CheckResult {
  return { ok: false, code, reason };
}
