import { useEffect } from "react";
import { Link, navigate } from "../../app/router.js";
import { useQuery } from "../../api/use-query.js";
import { useFormat, useI18n, useT } from "../../i18n/i18n.js";
import { PURPOSES } from "../../api/client.js";
import { AnswerProblems } from "./AnswerProblems.js";
import { logPageVariables, securityHref, withFilter, type SecurityState } from "./filter.js";
import { Loading } from "./Loading.js";
import { SECURITY_MESSAGES } from "./messages.js";
import { ACCESS_LOG, type AccessPage, type AccessRow } from "./queries.js";

/**
 * One page of the access log, asked for alone (`first` rows after the trail's last cursor):
 * however large the log, the table never holds more than a page.
 */
export function AccessLogTable({ state, onAnswer }: { readonly state: SecurityState; readonly onAnswer?: () => void }) {
  const t = useT(SECURITY_MESSAGES);
  const fmt = useFormat();
  const { loading, answer } = useQuery<AccessPage<AccessRow>>(ACCESS_LOG, logPageVariables(state));
  useEffect(() => {
    if (answer) onAnswer?.();
  }, [answer, onAnswer]);
  const log = answer?.data?.accessLog;
  const page = state.trail.length + 1;
  return (
    <section className="panel security-log" aria-labelledby="security-log-heading">
      <h2 id="security-log-heading">{t("log.heading")}</h2>
      <Loading loading={loading} />
      <AnswerProblems answer={answer} />
      {log && (
        <>
          <table data-testid="access-log-table" aria-busy={loading}>
            <caption>{t("log.caption", { total: fmt.number(log.totalCount), page })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("log.id")}</th>
                <th scope="col">{t("log.at")}</th>
                <th scope="col">{t("log.unit")}</th>
                <th scope="col">{t("log.principal")}</th>
                <th scope="col">{t("log.owner")}</th>
                <th scope="col">{t("log.coordinate")}</th>
                <th scope="col">{t("log.decision")}</th>
                <th scope="col">{t("log.reason")}</th>
                <th scope="col">{t("log.purpose")}</th>
                <th scope="col">{t("log.requestId")}</th>
              </tr>
            </thead>
            <tbody>
              {log.nodes.map((r) => <AccessLogRow key={r.id} row={r} state={state} />)}
            </tbody>
          </table>
          {log.nodes.length === 0 && <p>{t("log.empty")}</p>}
          <Pager state={state} page={page} nextCursor={log.pageInfo.hasNextPage ? log.pageInfo.endCursor : null} />
        </>
      )}
    </section>
  );
}

function AccessLogRow({ row, state }: { readonly row: AccessRow; readonly state: SecurityState }) {
  const t = useT(SECURITY_MESSAGES);
  const common = useI18n().t;
  const fmt = useFormat();
  const purpose = PURPOSES.find((p) => p === row.purpose);
  return (
    <tr data-record-id={row.id}>
      <td>{row.id}</td>
      <td><time dateTime={row.at}>{fmt.dateTime(row.at)}</time></td>
      <td>{row.unit}</td>
      <td>{row.principal}</td>
      <td>{row.owner}</td>
      <td><code>{row.coordinate}</code></td>
      <td><span className={`decision-${row.decision}`} data-testid="decision">{row.decision}</span></td>
      <td>{row.reason ? <code>{row.reason}</code> : ""}</td>
      <td>{purpose ? <span title={purpose}>{common(`purpose.${purpose}`)}</span> : (row.purpose ?? "")}</td>
      <td>
        <Link href={withFilter(state, { ...state.filter, requestId: row.requestId })} title={t("log.filterRequest", { id: row.requestId })}>
          <code>{row.requestId}</code>
        </Link>
      </td>
    </tr>
  );
}

function Pager({ state, page, nextCursor }: { readonly state: SecurityState; readonly page: number; readonly nextCursor: string | null }) {
  const t = useT(SECURITY_MESSAGES);
  return (
    <div className="pager" role="group" aria-label={t("pager.label")}>
      <button type="button" className="secondary" disabled={state.trail.length === 0} onClick={() => navigate(securityHref({ ...state, trail: state.trail.slice(0, -1) }))}>
        {t("pager.previous")}
      </button>
      <span>{t("pager.page", { page })}</span>
      <button type="button" className="secondary" disabled={nextCursor === null} onClick={() => nextCursor && navigate(securityHref({ ...state, trail: [...state.trail, nextCursor] }))}>
        {t("pager.next")}
      </button>
    </div>
  );
}
