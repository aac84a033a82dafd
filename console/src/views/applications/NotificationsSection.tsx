import { useState } from "react";
import { useMutation } from "../../api/use-query.js";
import { useFormat, useT } from "../../i18n/i18n.js";
import { ActionForm } from "./ActionForm.js";
import { enumLabel } from "./labels.js";
import { APPLICATIONS_MESSAGES } from "./messages.js";
import { MARK_READ, NOTIFICATIONS_QUERY, type Notification } from "./model.js";
import { useLiveQuery } from "./refresh.js";
import { Section } from "./Section.js";

/** What governance told my unit (every step of its applications, as applicant and as provider). */
export function NotificationsSection() {
  const t = useT(APPLICATIONS_MESSAGES);
  const format = useFormat();
  const { loading, answer } = useLiveQuery<{ notifications: Notification[] }>(NOTIFICATIONS_QUERY);
  const markRead = useMutation<{ markNotificationsRead: number }>(MARK_READ);
  const [marked, setMarked] = useState<number | null>(null);
  const notifications = answer?.data?.notifications ?? [];
  const unread = notifications.filter((n) => !n.read);
  const mark = async (ids: string[] | null) => {
    const result = await markRead.run({ ids });
    if (result.data) setMarked(result.data.markNotificationsRead);
    return result;
  };
  return (
    <Section anchor="notifications" title={t("notifications.title")} loading={loading} answer={answer}>
      {unread.length > 0 && <ActionForm buttons={[{ label: t("notifications.markAllRead"), value: null, className: "secondary" }]} run={() => mark(null)} />}
      {marked !== null && <p role="status">{t("notifications.marked", { count: marked })}</p>}
      {answer?.data && notifications.length === 0 && <p className="hint">{t("empty")}</p>}
      <ul className="applications-notifications">
        {notifications.map((n) => (
          <li key={n.id} data-testid="notification" data-id={n.id} data-read={n.read} className={n.read ? "read" : "unread"}>
            <span className="badge">{n.read ? t("notifications.read") : t("notifications.unread")}</span>{" "}
            <time dateTime={n.event.at}>{format.dateTime(n.event.at)}</time>{" "}
            <strong>{enumLabel(t, "action", n.event.action)}</strong>{" "}
            <span>{n.event.subject} {n.event.subjectId}: {n.event.from ? `${enumLabel(t, "status", n.event.from)} → ` : ""}{enumLabel(t, "status", n.event.to)}</span>{" "}
            <span>— {n.event.unit}</span>
            {n.event.reason && <q className="applications-reason">{n.event.reason}</q>}
            {!n.read && <ActionForm buttons={[{ label: t("notifications.markRead"), value: null, className: "link" }]} run={() => mark([n.id])} />}
          </li>
        ))}
      </ul>
    </Section>
  );
}
