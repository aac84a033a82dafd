import { useFormat, useT } from "../../i18n/i18n.js";
import { enumLabel } from "./labels.js";
import { APPLICATIONS_MESSAGES } from "./messages.js";
import type { GovernanceEvent } from "./model.js";

/** Every transition, oldest first: who, when, from and to, why, and the request that made it. */
export function HistoryTimeline({ events, label }: { readonly events: readonly GovernanceEvent[]; readonly label: string }) {
  const t = useT(APPLICATIONS_MESSAGES);
  const format = useFormat();
  return (
    <ol className="timeline" aria-label={label} data-testid="history">
      {events.map((e) => (
        <li key={e.id} data-action={e.action}>
          <time dateTime={e.at}>{format.dateTime(e.at)}</time>{" "}
          <strong>{enumLabel(t, "action", e.action)}</strong>{" "}
          <span>{e.from ? `${enumLabel(t, "status", e.from)} → ` : ""}{enumLabel(t, "status", e.to)}</span>{" "}
          <span>— {e.unit} ({e.principal})</span>
          {e.reason && <q className="applications-reason">{e.reason}</q>}{" "}
          <small><code title={e.requestId}>{e.requestId.slice(0, 8)}</code></small>
        </li>
      ))}
    </ol>
  );
}
