import { useMemo } from "react";
import type { EChartsCoreOption } from "echarts/core";
import { navigate } from "../../app/router.js";
import { useQuery } from "../../api/use-query.js";
import { Chart } from "../../charts/Chart.js";
import { QueryPanel } from "../../components/QueryPanel.js";
import { useFormat, useI18n, useT } from "../../i18n/i18n.js";
import { AnswerProblems } from "./AnswerProblems.js";
import { BUCKETS, DECISIONS, filterInput, securityHref, type Bucket, type Decision, type SecurityState } from "./filter.js";
import { Loading } from "./Loading.js";
import { SECURITY_MESSAGES } from "./messages.js";
import { DECISIONS_OVER_TIME, type StatsRow } from "./queries.js";
import { bucketAxis, bucketLabel } from "./time-buckets.js";

// The colours of the decision-* classes in styles.css: the chart and the table read alike.
export const DECISION_COLOURS: Readonly<Record<Decision, string>> = { ALLOWED: "#2e7d32", MASKED: "#b26a00", DENIED: "#c62828" };

interface Period {
  readonly bucket: string;
  readonly counts: Readonly<Record<Decision, number>>;
}

/** The API's rows (one per period and decision) as one row per period with records. */
function periods(rows: readonly StatsRow[]): Period[] {
  const byBucket = new Map<string, Record<Decision, number>>();
  for (const row of rows) {
    if (!row.bucket) continue;
    const counts = byBucket.get(row.bucket) ?? { ALLOWED: 0, MASKED: 0, DENIED: 0 };
    const decision = DECISIONS.find((d) => d === row.decision);
    if (decision) counts[decision] += row.count;
    byBucket.set(row.bucket, counts);
  }
  return [...byBucket].map(([bucket, counts]) => ({ bucket, counts })).sort((a, b) => Date.parse(a.bucket) - Date.parse(b.bucket));
}

/** ALLOWED / MASKED / DENIED per hour or day, from accessStats with the log's filter: a stacked bar chart and its table. */
export function DecisionChart({ state, ready }: { readonly state: SecurityState; readonly ready: boolean }) {
  const t = useT(SECURITY_MESSAGES);
  const variables = { filter: filterInput(state.filter), bucket: state.bucket };
  const { loading, answer } = useQuery<{ accessStats: StatsRow[] }>(ready ? DECISIONS_OVER_TIME : null, variables);
  const rows = useMemo(() => periods(answer?.data?.accessStats ?? []), [answer]);
  const bucketName = t(`chart.${state.bucket}`);
  return (
    <section className="panel security-chart" aria-labelledby="security-chart-heading">
      <h2 id="security-chart-heading">{t("chart.heading")}</h2>
      <fieldset className="security-bucket">
        <legend>{t("chart.bucket")}</legend>
        {BUCKETS.map((b) => (
          <label key={b}>
            <input type="radio" name="bucket" value={b} checked={state.bucket === b} onChange={() => navigate(securityHref({ ...state, bucket: b }))} />
            {t(`chart.${b}`)}
          </label>
        ))}
      </fieldset>
      <Loading loading={loading || !ready} />
      <AnswerProblems answer={answer} />
      {answer?.data && (rows.length === 0 ? <p>{t("chart.empty")}</p> : <DecisionBars rows={rows} bucket={state.bucket} label={t("chart.label", { bucket: bucketName })} />)}
      {answer?.data && rows.length > 0 && <DecisionTable rows={rows} bucket={state.bucket} caption={t("chart.caption", { bucket: bucketName })} />}
      <QueryPanel query={DECISIONS_OVER_TIME} variables={variables} />
    </section>
  );
}

function DecisionBars({ rows, bucket, label }: { readonly rows: readonly Period[]; readonly bucket: Bucket; readonly label: string }) {
  const { locale } = useI18n();
  const t = useT(SECURITY_MESSAGES);
  const option = useMemo<EChartsCoreOption>(() => {
    const axis = bucketAxis(rows.map((r) => r.bucket), bucket);
    const byTime = new Map(rows.map((r) => [Date.parse(r.bucket), r.counts]));
    return {
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 56 },
      xAxis: { type: "category", data: axis.map((b) => bucketLabel(b, bucket, locale)) },
      yAxis: { type: "value", minInterval: 1 },
      series: DECISIONS.map((d) => ({
        name: `${t(`decision.${d}`)} ${d}`,
        type: "bar",
        stack: "decisions",
        barMaxWidth: 48,
        itemStyle: { color: DECISION_COLOURS[d] },
        data: axis.map((b) => byTime.get(Date.parse(b))?.[d] ?? 0),
      })),
    };
  }, [rows, bucket, locale, t]);
  return <Chart option={option} label={label} testId="decision-chart" height={300} />;
}

function DecisionTable({ rows, bucket, caption }: { readonly rows: readonly Period[]; readonly bucket: Bucket; readonly caption: string }) {
  const t = useT(SECURITY_MESSAGES);
  const { locale } = useI18n();
  const fmt = useFormat();
  return (
    <div className="security-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table data-testid="decision-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("chart.time")}</th>
            {DECISIONS.map((d) => <th scope="col" key={d} className={`decision-${d}`}>{d}</th>)}
            <th scope="col">{t("chart.total")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.bucket} data-bucket={r.bucket}>
              <th scope="row"><time dateTime={r.bucket}>{bucketLabel(r.bucket, bucket, locale)}</time></th>
              {DECISIONS.map((d) => <td key={d} data-decision={d}>{fmt.number(r.counts[d])}</td>)}
              <td>{fmt.number(DECISIONS.reduce((sum, d) => sum + r.counts[d], 0))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
