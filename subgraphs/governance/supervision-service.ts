import type Database from "better-sqlite3";
import { shanghaiDay, suspensionEnd } from "../../governance/deadlines.js";
import { checkLifting, checkRevocation, checkSuspension } from "../../governance/supervision-workflow.js";
import type { AssertedRequester } from "../../schema/request-assertion.js";
import type { EventLog } from "./event-log.js";
import { notFound, orRefuse, rowId } from "./governance-errors.js";
import type { GrantRecord } from "./grant.js";
import { statusOf, type GrantRepository } from "./grant-repository.js";
import type { SuspensionRecord } from "./suspension.js";
import { isActive, type SuspensionRepository } from "./suspension-repository.js";

/** Revocations and suspensions (Art. 29): each one transaction with its history; the state version moves with it. */
export class SupervisionService {
  constructor(
    private readonly db: Database.Database,
    private readonly grants: GrantRepository,
    private readonly suspensions: SuspensionRepository,
    private readonly events: EventLog,
  ) {}

  revoke(requester: AssertedRequester, id: string, reason: string, now: Date): GrantRecord {
    const key = rowId("id", "grant", id);
    return this.db.transaction(() => {
      const grant = this.grants.get(key);
      if (!grant) throw notFound("id", "grant", id);
      const status = statusOf(grant, shanghaiDay(now));
      const permitted = orRefuse(checkRevocation({ status, provider: grant.provider }, requester, reason));
      this.grants.revoke(key, permitted.reason, now.toISOString());
      this.events.record(
        { subject: "GRANT", subjectId: key, action: "REVOKE", from: status, to: "REVOKED", actor: requester, at: now.toISOString(), reason: permitted.reason },
        [grant.unit, grant.provider],
      );
      return this.grants.get(key)!;
    }).immediate();
  }

  /** Art. 29: suspended through the day 6 calendar months after today (Asia/Shanghai). */
  suspend(requester: AssertedRequester, unit: string, reason: string, now: Date): SuspensionRecord {
    const today = shanghaiDay(now);
    return this.db.transaction(() => {
      const permitted = orRefuse(checkSuspension(unit, this.activeSuspension(unit, today) !== null, requester, reason));
      const id = this.suspensions.insert({ unit, reason: permitted.reason, since: now.toISOString(), until: suspensionEnd(today) });
      this.record(id, "SUSPEND", null, "ACTIVE", unit, requester, now, permitted.reason);
      return this.suspensions.get(id);
    }).immediate();
  }

  lift(requester: AssertedRequester, unit: string, reason: string, now: Date): SuspensionRecord {
    return this.db.transaction(() => {
      const active = this.activeSuspension(unit, shanghaiDay(now));
      const permitted = orRefuse(checkLifting(unit, active !== null, requester, reason));
      const id = Number(active!.id);
      this.suspensions.lift(id, permitted.reason, now.toISOString());
      this.record(id, "LIFT", "ACTIVE", "LIFTED", unit, requester, now, permitted.reason);
      return this.suspensions.get(id);
    }).immediate();
  }

  private activeSuspension(unit: string, today: string): SuspensionRecord | null {
    const latest = this.suspensions.latestOf(unit);
    return latest && isActive(latest, today) ? latest : null;
  }

  // The suspended unit is told of its suspension and of its lifting.
  private record(id: number, action: "SUSPEND" | "LIFT", from: string | null, to: string, unit: string, requester: AssertedRequester, now: Date, reason: string): void {
    this.events.record({ subject: "SUSPENSION", subjectId: id, action, from, to, actor: requester, at: now.toISOString(), reason }, [unit]);
  }
}
