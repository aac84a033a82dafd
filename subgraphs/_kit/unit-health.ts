import type { Health } from "../../server/health-endpoints.js";
import type { CheckResult } from "../../server/health-report.js";
import type { NonceStore } from "./nonce-store.js";
import type { StoreHealth } from "./store-health.js";

/**
 * A unit's `/health` (= `/health/ready`): ready while its store is usable and, when it checks
 * the gateway's assertions, while its nonce store answers — without either it answers nothing
 * useful (SPEC §4: fail closed), so an orchestrator must see it. `checks` names each by code.
 */
export function unitHealth(store: StoreHealth, nonces: NonceStore | null): () => Promise<Health> {
  return async () => {
    const checks: Record<string, CheckResult> = { store: store.check() };
    if (nonces) checks["nonces"] = await nonces.health();
    const failing = Object.entries(checks).flatMap(([name, check]) => (check.ok ? [] : [`${name}: ${check.reason}`]));
    if (failing.length === 0) return { status: "ok", details: { checks } };
    return { status: "unavailable", reason: failing.join("; "), details: { checks } };
  };
}
