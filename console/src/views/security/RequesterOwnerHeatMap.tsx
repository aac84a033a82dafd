import { useMemo } from "react";
import type { EChartsCoreOption } from "echarts/core";
import type { Answer } from "../../api/client.js";
import { Chart } from "../../charts/Chart.js";
import { QueryPanel } from "../../components/QueryPanel.js";
import { useFormat, useT } from "../../i18n/i18n.js";
import { AnswerProblems } from "./AnswerProblems.js";
import { Loading } from "./Loading.js";
import { SECURITY_MESSAGES } from "./messages.js";
import { REQUESTER_BY_OWNER, type StatsRow } from "./queries.js";

/**
 * Who reads whose fields: requester units down, owners across, the number of records in each
 * cell. The query is the view's (it also fills the filter form's suggestions).
 */
export function RequesterOwnerHeatMap({ loading, answer, variables }: { readonly loading: boolean; readonly answer: Answer<{ accessStats: StatsRow[] }> | null; readonly variables: Readonly<Record<string, unknown>> }) {
  const t = useT(SECURITY_MESSAGES);
  const rows = answer?.data?.accessStats ?? [];
  return (
    <section className="panel security-heat" aria-labelledby="security-heat-heading">
      <h2 id="security-heat-heading">{t("heat.heading")}</h2>
      <Loading loading={loading} />
      <AnswerProblems answer={answer} />
      {answer?.data && (rows.length === 0 ? <p>{t("heat.empty")}</p> : <HeatMap rows={rows} />)}
      {answer?.data && rows.length > 0 && <HeatTable rows={rows} />}
      <QueryPanel query={REQUESTER_BY_OWNER} variables={variables} />
    </section>
  );
}

const names = (rows: readonly StatsRow[], key: "unit" | "owner"): string[] => [...new Set(rows.map((r) => r[key] ?? ""))].sort();

function HeatMap({ rows }: { readonly rows: readonly StatsRow[] }) {
  const t = useT(SECURITY_MESSAGES);
  const option = useMemo<EChartsCoreOption>(() => {
    const units = names(rows, "unit");
    const owners = names(rows, "owner");
    const max = Math.max(1, ...rows.map((r) => r.count));
    return {
      tooltip: { position: "top" },
      grid: { left: 110, right: 24, top: 16, bottom: 90 },
      xAxis: { type: "category", data: owners, name: t("log.owner"), nameLocation: "middle", nameGap: 70, axisLabel: { rotate: 35 }, splitArea: { show: true } },
      yAxis: { type: "category", data: units, name: t("log.unit"), splitArea: { show: true } },
      visualMap: { min: 0, max, calculable: true, orient: "horizontal", right: 0, bottom: 0, inRange: { color: ["#e3edf8", "#0b5cad", "#10385f"] } },
      series: [
        {
          name: t("heat.heading"),
          type: "heatmap",
          data: rows.map((r) => [owners.indexOf(r.owner ?? ""), units.indexOf(r.unit ?? ""), r.count]),
          label: { show: true },
        },
      ],
    };
  }, [rows, t]);
  const height = Math.max(240, 60 * names(rows, "unit").length + 120);
  return <Chart option={option} label={t("heat.label")} testId="heat-map" height={height} />;
}

function HeatTable({ rows }: { readonly rows: readonly StatsRow[] }) {
  const t = useT(SECURITY_MESSAGES);
  const fmt = useFormat();
  return (
    <details className="security-heat-table">
      <summary>{t("heat.table")}</summary>
      <table data-testid="heat-table">
        <caption>{t("heat.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("log.unit")}</th>
            <th scope="col">{t("log.owner")}</th>
            <th scope="col">{t("denied.count")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.unit ?? ""} ${r.owner ?? ""}`}>
              <td>{r.unit}</td>
              <td>{r.owner}</td>
              <td>{fmt.number(r.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
