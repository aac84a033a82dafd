import { useMemo, useState } from "react";
import { useQuery } from "../../api/use-query.js";
import { Chart } from "../../charts/Chart.js";
import { ErrorList } from "../../components/ErrorList.js";
import { useFormat, useI18n, useT } from "../../i18n/i18n.js";
import { cell, inspectionMatrix } from "./aggregate.js";
import { DASHBOARD_MESSAGES } from "./messages.js";
import { PanelFrame } from "./PanelFrame.js";
import { DIVISIONS_QUERY, INSPECTED_ENTERPRISES, INSPECTIONS_QUERY, type DivisionsData, type InspectionsData } from "./queries.js";

/**
 * Inspection results of one province's enterprises. Enterprise.inspections is CONDITIONAL
 * (enforcement shares it with atmosphere, water and soil, to collaborate or verify data), so
 * this is the panel most users see denied: it shows how a dashboard renders a denial.
 */
export function InspectionsPanel() {
  const t = useT(DASHBOARD_MESSAGES);
  const common = useI18n().t;
  const divisions = useQuery<DivisionsData>(DIVISIONS_QUERY);
  const list = divisions.answer?.data?.divisions ?? [];
  const [chosen, setChosen] = useState<string | null>(null);
  const divisionCode = chosen ?? list[0]?.code ?? null;
  const variables = useMemo(() => ({ divisionCode, first: INSPECTED_ENTERPRISES }), [divisionCode]);
  const state = useQuery<InspectionsData>(divisionCode === null ? null : INSPECTIONS_QUERY, variables);

  const picker = (
    <div className="filters">
      <label>
        {t("inspections.division")}
        <select name="divisionCode" value={divisionCode ?? ""} disabled={list.length === 0} onChange={(e) => setChosen(e.target.value)}>
          {list.map((d) => <option key={d.code} value={d.code}>{d.name}</option>)}
        </select>
      </label>
      {divisions.loading && <span role="status">{common("common.loading")}</span>}
    </div>
  );

  if (divisionCode === null) {
    // No province to ask about yet: the province list is loading or was refused.
    return (
      <section className="panel dashboard-panel" aria-label={t("inspections.title")} data-testid="panel-inspections">
        <h2>{t("inspections.title")}</h2>
        {picker}
        {divisions.answer && <ErrorList errors={divisions.answer.errors} requestId={divisions.answer.requestId} />}
      </section>
    );
  }
  return (
    <PanelFrame title={t("inspections.title")} description={t("inspections.description")} query={INSPECTIONS_QUERY} variables={variables} state={state} controls={picker} testId="panel-inspections">
      {(data) => <InspectionsContent data={data} />}
    </PanelFrame>
  );
}

function InspectionsContent({ data }: { readonly data: InspectionsData }) {
  const t = useT(DASHBOARD_MESSAGES);
  const format = useFormat();
  const matrix = useMemo(() => inspectionMatrix(data), [data]);
  const counted = data.enterprises.nodes.length;
  const total = data.enterprises.totalCount;
  const option = useMemo(
    () => ({
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 32 },
      xAxis: { type: "category", data: matrix.kinds },
      yAxis: { type: "value" },
      series: matrix.results.map((result) => ({ type: "bar", stack: "results", name: result, data: matrix.kinds.map((kind) => cell(matrix, kind, result)) })),
    }),
    [matrix],
  );
  return (
    <>
      <p className="hint">{counted < total ? t("inspections.sample", { counted, total }) : t("inspections.enterprises", { total })}</p>
      {matrix.total === 0 ? (
        <p>{t("inspections.none")}</p>
      ) : (
        <>
          <Chart option={option} label={t("inspections.chart")} height={300} testId="chart-inspections" />
          <div className="dashboard-table">
            <table>
              <caption>{t("inspections.table")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("inspections.kind")}</th>
                  {matrix.results.map((r) => <th key={r} scope="col">{r}</th>)}
                  <th scope="col">{t("inspections.total")}</th>
                </tr>
              </thead>
              <tbody>
                {matrix.kinds.map((kind) => (
                  <tr key={kind}>
                    <th scope="row">{kind}</th>
                    {matrix.results.map((r) => <td key={r}>{format.number(cell(matrix, kind, r))}</td>)}
                    <td>{format.number(matrix.results.reduce((s, r) => s + cell(matrix, kind, r), 0))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
