import type { AuditHealth } from "../../audit/audit-writer.js";
import type { Health } from "../../server/health-endpoints.js";
import { checkFailed, CHECK_OK, type CheckResult } from "../../server/health-report.js";
import type { GrantSource } from "../enforcement/grant-source.js";
import type { SignedFetch } from "../identity/assertion.js";
import { PeriodicCheck } from "./periodic-check.js";
import type { UnitTarget } from "./supergraph-units.js";
import { unitProbe } from "./unit-probe.js";

/** Issue 14: every unit probed at least once a second, so readiness turns within about a second. */
export const PROBE_INTERVAL_MS = 1_000;
/** A unit slower than this to say `__typename` is as good as gone for a dashboard. */
export const PROBE_TIMEOUT_MS = 1_000;

export interface ReadinessSources {
  /** Every subgraph of the supergraph served (supergraphUnits). */
  readonly units: readonly UnitTarget[];
  /** Signs a probe as the platform (platformAssertion with the current key). */
  readonly sign: (fetch: SignedFetch) => Promise<string>;
  readonly grants: GrantSource;
  readonly audit: () => AuditHealth;
  /** True once the supergraph is loaded and served, false again while the gateway stops. */
  readonly loaded: () => boolean;
  readonly intervalMs?: number;
  readonly timeoutMs?: number;
}

/**
 * Whether the gateway can serve now (`/health/ready`, and `/health`, CONTRACT §1): its
 * supergraph is loaded, its audit log writable, its governance state readable and every
 * unit answering. Units and governance are checked in the background (PeriodicCheck) and
 * the audit log on each ask (two stat calls), so a health request costs no I/O of its own.
 * Each state change is logged once, never each probe.
 */
export class GatewayReadiness {
  private readonly probes: ReadonlyMap<string, PeriodicCheck>;
  private readonly governance: PeriodicCheck;

  constructor(private readonly sources: ReadinessSources) {
    const timing = { intervalMs: sources.intervalMs ?? PROBE_INTERVAL_MS, timeoutMs: sources.timeoutMs ?? PROBE_TIMEOUT_MS };
    const pending = checkFailed("STARTING", "not checked yet");
    this.probes = new Map(
      sources.units.map((unit) => [
        unit.name,
        new PeriodicCheck(
          unitProbe(unit, sources.sign),
          {
            ...timing,
            timedOut: checkFailed("UNIT_TIMEOUT", `no answer within ${timing.timeoutMs} ms`),
            failed: (error) => checkFailed("UNIT_UNREACHABLE", error.message),
            onChange: (now, before) => logChange(`unit ${unit.name}`, "is not answering", "is answering again", now, before),
          },
          pending,
        ),
      ]),
    );
    // Read as a request reads it (refresh): readable here means a request could be decided now.
    this.governance = new PeriodicCheck(
      async () => {
        await sources.grants.refresh();
        return CHECK_OK;
      },
      {
        ...timing,
        timedOut: checkFailed("GOVERNANCE_UNAVAILABLE", `grants and suspensions not read within ${timing.timeoutMs} ms`),
        failed: (error) => checkFailed("GOVERNANCE_UNAVAILABLE", error.message),
        onChange: (now, before) => logChange("governance state", "cannot be read", "is readable again", now, before),
      },
      pending,
    );
  }

  /** Resolves once every check has its first result (at most one timeout), so the first answer is already true. */
  async start(): Promise<void> {
    await Promise.all([this.governance.start(), ...[...this.probes.values()].map((p) => p.start())]);
  }

  stop(): void {
    this.governance.stop();
    for (const probe of this.probes.values()) probe.stop();
  }

  health(): Health {
    const audit = this.sources.audit();
    const checks: Record<"supergraph" | "audit" | "governance", CheckResult> = {
      supergraph: this.sources.loaded() ? CHECK_OK : checkFailed("STARTING", "the supergraph is not loaded: the gateway is starting or stopping"),
      audit: audit.ok ? CHECK_OK : checkFailed("AUDIT_UNAVAILABLE", audit.reason),
      governance: this.governance.result,
    };
    const probes: Record<string, CheckResult> = {};
    for (const [name, probe] of this.probes) probes[name] = probe.result;
    const units = Object.keys(probes).filter((name) => !probes[name]!.ok);
    const reasons = [
      ...Object.values(checks).flatMap((c) => (c.ok ? [] : [c.reason])),
      ...units.map((name) => `unit ${name} is not answering: ${(probes[name] as { reason: string }).reason}`),
    ];
    const details = { units, checks, probes };
    if (reasons.length === 0) return { status: "ok", details };
    return { status: checks.supergraph.ok ? "unavailable" : "starting", reason: reasons.join("; "), details };
  }
}

function logChange(what: string, failing: string, recovered: string, now: CheckResult, before: CheckResult | null): void {
  if (!now.ok) console.error(`ecofed: ${what} ${failing} (${now.code}: ${now.reason}); /health/ready answers 503 until it is back`);
  else if (before && !before.ok) console.log(`ecofed: ${what} ${recovered}`);
}
