import { Link } from "../../app/router.js";
import { useQuery } from "../../api/use-query.js";
import { QueryPanel } from "../../components/QueryPanel.js";
import { useFormat, useT } from "../../i18n/i18n.js";
import { AnswerProblems } from "./AnswerProblems.js";
import { filterInput, withFilter, type SecurityState } from "./filter.js";
import { Loading } from "./Loading.js";
import { SECURITY_MESSAGES } from "./messages.js";
import { TOP_DENIED, type StatsRow } from "./queries.js";

export const TOP = 10;

/** Most first; equal counts by name, so the order is the same on every load. */
export function topRows<R extends StatsRow>(rows: readonly R[], name: (r: R) => string): R[] {
  return [...rows].sort((a, b) => b.count - a.count || name(a).localeCompare(name(b))).slice(0, TOP);
}

/** The denials within the log's filter, counted by coordinate and by reason. */
export function TopDenied({ state, ready }: { readonly state: SecurityState; readonly ready: boolean }) {
  const t = useT(SECURITY_MESSAGES);
  const excluded = state.filter.decision !== undefined && state.filter.decision !== "DENIED";
  const variables = { filter: filterInput({ ...state.filter, decision: "DENIED" }) };
  const { loading, answer } = useQuery<{ coordinates: StatsRow[]; reasons: StatsRow[] }>(excluded || !ready ? null : TOP_DENIED, variables);
  const data = excluded ? null : answer?.data;
  return (
    <section className="panel security-denied" aria-labelledby="security-denied-heading">
      <h2 id="security-denied-heading">{t("denied.heading")}</h2>
      {excluded ? (
        <p>{t("denied.excluded")}</p>
      ) : (
        <>
          <Loading loading={loading || !ready} />
          <AnswerProblems answer={answer} />
          {data && (data.coordinates.length === 0 ? <p>{t("denied.none")}</p> : <TopTables coordinates={data.coordinates} reasons={data.reasons} state={state} />)}
          <QueryPanel query={TOP_DENIED} variables={variables} />
        </>
      )}
    </section>
  );
}

function TopTables({ coordinates, reasons, state }: { readonly coordinates: readonly StatsRow[]; readonly reasons: readonly StatsRow[]; readonly state: SecurityState }) {
  const t = useT(SECURITY_MESSAGES);
  const fmt = useFormat();
  return (
    <div className="security-top">
      <table data-testid="top-denied-coordinates">
        <caption>{t("denied.coordinates")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("log.coordinate")}</th>
            <th scope="col">{t("log.owner")}</th>
            <th scope="col">{t("denied.count")}</th>
          </tr>
        </thead>
        <tbody>
          {topRows(coordinates, (r) => `${r.coordinate ?? ""} ${r.owner ?? ""}`).map((r) => (
            <tr key={`${r.coordinate ?? ""} ${r.owner ?? ""}`}>
              <td>
                <Link
                  href={withFilter(state, { ...state.filter, coordinate: r.coordinate ?? undefined, owner: r.owner ?? undefined, decision: "DENIED" })}
                  title={t("denied.filterCoordinate", { coordinate: r.coordinate ?? "" })}
                >
                  <code>{r.coordinate}</code>
                </Link>
              </td>
              <td>{r.owner}</td>
              <td>{fmt.number(r.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table data-testid="top-denied-reasons">
        <caption>{t("denied.reasons")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("log.reason")}</th>
            <th scope="col">{t("denied.count")}</th>
          </tr>
        </thead>
        <tbody>
          {topRows(reasons, (r) => r.reason ?? "").map((r) => (
            <tr key={r.reason ?? ""}>
              <td><code>{r.reason}</code></td>
              <td>{fmt.number(r.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
