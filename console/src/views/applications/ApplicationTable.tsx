import { Fragment, useState, type ReactNode } from "react";
import { useFormat, useI18n, useT } from "../../i18n/i18n.js";
import { DueBy } from "./DueBy.js";
import { HistoryTimeline } from "./HistoryTimeline.js";
import { enumLabel, purposeLabel } from "./labels.js";
import { APPLICATIONS_MESSAGES } from "./messages.js";
import type { Application } from "./model.js";
import { TableFrame } from "./TableFrame.js";

const COLUMNS = ["id", "applicant", "provider", "coordinates", "purpose", "status", "submittedAt", "dueBy", "reason", "actions"] as const;

/** Applications, one row each, its history opened under it on demand; `actions` is what the reader may do with a row. */
export function ApplicationTable({ applications, actions, label }: {
  readonly applications: readonly Application[];
  readonly actions?: (application: Application) => ReactNode;
  readonly label: string;
}) {
  const t = useT(APPLICATIONS_MESSAGES);
  if (applications.length === 0) return <p className="hint">{t("empty")}</p>;
  return (
    <TableFrame label={label} headers={COLUMNS.map((c) => t(`col.${c}`))}>
          {applications.map((a) => <ApplicationRow key={a.id} application={a} actions={actions} />)}
    </TableFrame>
  );
}

function ApplicationRow({ application: a, actions }: { readonly application: Application; readonly actions: ((a: Application) => ReactNode) | undefined }) {
  const t = useT(APPLICATIONS_MESSAGES);
  const common = useI18n().t;
  const format = useFormat();
  const [open, setOpen] = useState(false);
  const historyId = `application-${a.id}-history`;
  return (
    <Fragment>
      <tr data-testid="application" data-id={a.id} data-status={a.status} className={a.overdue ? "applications-row-overdue" : undefined}>
        <th scope="row">{a.id}</th>
        <td>{a.applicant}<div className="hint">{a.submittedBy}</div></td>
        <td>{a.provider}</td>
        <td>{a.coordinates.map((c) => <code key={c} className="applications-coordinate">{c}</code>)}</td>
        <td>{purposeLabel(common, a.purpose)}</td>
        <td data-testid="application-status">{enumLabel(t, "status", a.status)}{a.escalated && a.status !== "ESCALATED" ? <div className="hint">{t("coordinated")}</div> : null}</td>
        <td>{format.dateTime(a.submittedAt)}</td>
        <td><DueBy dueBy={a.dueBy} overdue={a.overdue} /></td>
        <td data-testid="application-reason">{a.reason ?? ""}</td>
        <td>
          <button type="button" className="link" aria-expanded={open} aria-controls={historyId} onClick={() => setOpen(!open)}>
            {open ? t("hideHistory", { id: a.id }) : t("showHistory", { id: a.id })}
          </button>
          {actions?.(a)}
        </td>
      </tr>
      {open && (
        <tr id={historyId} className="applications-history">
          <td colSpan={COLUMNS.length}>
            <HistoryTimeline events={a.history} label={`${t("history")} ${a.id}`} />
          </td>
        </tr>
      )}
    </Fragment>
  );
}
