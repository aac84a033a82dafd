/** Why a server cannot serve now: `starting`, or `unavailable` (what it cannot do, e.g. write the audit log). */
export interface HealthProblem {
  readonly status: "starting" | "unavailable";
  readonly reason: string;
  /** More of the 503 body: what is not ready, by code (`checks`, and the gateway's `units`, `probes`). */
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Ready, with what was checked (members of the `/health/ready` body; `/health` stays `{status:"ok"}`). */
export interface HealthReady {
  readonly status: "ok";
  readonly details?: Readonly<Record<string, unknown>>;
}

/** What a server's `healthy` callback says of it now. */
export type Health = true | HealthReady | HealthProblem;

export const HEALTH_PATHS: ReadonlySet<string> = new Set(["/health", "/health/live", "/health/ready"]);

/**
 * The answer at one of HEALTH_PATHS. `/health/live` answers while the process serves HTTP
 * at all — it asks nothing, so an orchestrator restarts only a process that is truly stuck.
 * `/health/ready` and `/health` (CONTRACT §1: its OK body stays `{status:"ok"}`) answer 503
 * whenever anything the process needs to serve is not there, naming it.
 */
export async function healthAnswer(path: string, healthy: () => Health | Promise<Health>): Promise<{ status: number; body: unknown }> {
  if (path === "/health/live") return { status: 200, body: { live: true } };
  let health: Health;
  try {
    health = await healthy();
  } catch (error) {
    // A check that cannot run says nothing is known to be ready: never 200 by accident.
    console.error("ecofed: health check failed:", error);
    health = { status: "unavailable", reason: "the health check itself failed; see the log" };
  }
  if (health === true || health.status === "ok") {
    const details = health === true ? {} : (health.details ?? {});
    return { status: 200, body: path === "/health" ? { status: "ok" } : { ready: true, status: "ok", ...details } };
  }
  return { status: 503, body: { ready: false, status: health.status, reason: health.reason, ...(health.details ?? {}) } };
}
