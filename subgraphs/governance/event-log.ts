import type Database from "better-sqlite3";
import type { AssertedRequester } from "../../schema/request-assertion.js";
import { groupByKey, listsInOrder } from "../_kit/batch.js";
import { GOVERNANCE_SUBJECTS, type GovernanceActionName, type GovernanceEvent, type GovernanceSubjectName } from "./governance-event.js";
import type { Notification } from "./notification.js";

/** A transition to record: what happened to which object, by whom, when and why. */
export interface GovernanceTransition {
  readonly subject: GovernanceSubjectName;
  readonly subjectId: string | number;
  readonly action: GovernanceActionName;
  readonly from: string | null;
  readonly to: string;
  readonly actor: Pick<AssertedRequester, "unit" | "principal" | "requestId">;
  readonly at: string;
  readonly reason: string | null;
}

interface EventRow {
  id: number;
  subject: string;
  subject_id: number;
  action: string;
  from_status: string | null;
  to_status: string;
  unit: string;
  principal: string;
  request_id: string;
  at: string;
  reason: string | null;
}

function toEvent(row: EventRow): GovernanceEvent {
  return {
    id: String(row.id),
    subject: row.subject as GovernanceSubjectName,
    subjectId: String(row.subject_id),
    action: row.action as GovernanceActionName,
    from: row.from_status,
    to: row.to_status,
    unit: row.unit,
    principal: row.principal,
    requestId: row.request_id,
    at: row.at,
    reason: row.reason,
  };
}

/** The history of every governance object, and the notifications each transition sends. */
export class EventLog {
  private readonly insertEvent: Database.Statement;
  private readonly insertNotification: Database.Statement;
  private readonly historyBySubject: ReadonlyMap<GovernanceSubjectName, Database.Statement>;
  private readonly markRead: Database.Statement;
  private readonly markAllRead: Database.Statement;
  private readonly notificationsOf: Readonly<Record<"all" | "unread", Database.Statement>>;

  constructor(db: Database.Database) {
    this.insertEvent = db.prepare(`INSERT INTO governance_events (subject, subject_id, action, from_status, to_status, unit, principal, request_id, at, reason)
      VALUES (@subject, @subjectId, @action, @from, @to, @unit, @principal, @requestId, @at, @reason)`);
    this.insertNotification = db.prepare("INSERT INTO notifications (unit, event_id) VALUES (?, ?)");
    // One statement per subject, so each reads the (subject, subject_id, id) index.
    this.historyBySubject = new Map(
      GOVERNANCE_SUBJECTS.map((s) => [
        s,
        db.prepare(`SELECT * FROM governance_events WHERE subject = '${s}' AND subject_id IN (SELECT CAST(value AS INTEGER) FROM json_each(?)) ORDER BY id`),
      ]),
    );
    this.markRead = db.prepare(
      "UPDATE notifications SET read_at = @at WHERE unit = @unit AND read_at IS NULL AND id IN (SELECT CAST(value AS INTEGER) FROM json_each(@ids))",
    );
    this.markAllRead = db.prepare("UPDATE notifications SET read_at = @at WHERE unit = @unit AND read_at IS NULL");
    const notifications = (unread: string): Database.Statement =>
      db.prepare(`SELECT n.id AS notification_id, n.unit AS notified, n.read_at, e.* FROM notifications n JOIN governance_events e ON e.id = n.event_id
        WHERE n.unit = ? ${unread} ORDER BY n.id DESC LIMIT ?`);
    this.notificationsOf = { all: notifications(""), unread: notifications("AND n.read_at IS NULL") };
  }

  /** Records a transition and tells each of `notify` (once per unit); call inside the change's transaction. */
  record(transition: GovernanceTransition, notify: readonly string[]): void {
    const { actor, subjectId, ...rest } = transition;
    const eventId = this.insertEvent.run({ ...rest, subjectId: Number(subjectId), unit: actor.unit, principal: actor.principal, requestId: actor.requestId }).lastInsertRowid;
    for (const unit of new Set(notify)) this.insertNotification.run(unit, eventId);
  }

  /** Each object's transitions, oldest first, in key order (one statement per batch). */
  history(subject: GovernanceSubjectName, ids: readonly string[]): GovernanceEvent[][] {
    const groups = groupByKey<EventRow>(this.historyBySubject.get(subject)!, ids, (row) => String(row.subject_id));
    return listsInOrder(groups, ids).map((rows) => rows.map(toEvent));
  }

  /** A unit's notifications, newest first. */
  notifications(unit: string, unreadOnly: boolean, limit: number): Notification[] {
    const rows = this.notificationsOf[unreadOnly ? "unread" : "all"].all(unit, limit) as (EventRow & { notification_id: number; notified: string; read_at: string | null })[];
    return rows.map((r) => ({ id: String(r.notification_id), unit: r.notified, read: r.read_at !== null, event: toEvent(r) }));
  }

  /** Marks a unit's notifications read (those listed, or all); how many were unread. */
  markNotificationsRead(unit: string, ids: readonly string[] | null, at: string): number {
    const result = ids ? this.markRead.run({ unit, ids: JSON.stringify(ids), at }) : this.markAllRead.run({ unit, at });
    return result.changes;
  }
}
