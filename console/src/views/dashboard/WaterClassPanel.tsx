import { useMemo } from "react";
import { useQuery } from "../../api/use-query.js";
import { Chart } from "../../charts/Chart.js";
import { useI18n, useFormat, useT } from "../../i18n/i18n.js";
import { newestReading, waterClassCounts } from "./aggregate.js";
import { DASHBOARD_MESSAGES } from "./messages.js";
import { PanelFrame } from "./PanelFrame.js";
import { WATER_QUERY, type WaterData } from "./queries.js";

/** How many monitoring sections' latest reading is in each GB 3838-2002 class. */
export function WaterClassPanel() {
  const t = useT(DASHBOARD_MESSAGES);
  const state = useQuery<WaterData>(WATER_QUERY);
  return (
    <PanelFrame title={t("water.title")} description={t("water.description")} query={WATER_QUERY} state={state} testId="panel-water">
      {(data) => <WaterClassContent data={data} />}
    </PanelFrame>
  );
}

function WaterClassContent({ data }: { readonly data: WaterData }) {
  const t = useT(DASHBOARD_MESSAGES);
  const format = useFormat();
  const { locale } = useI18n();
  const counts = useMemo(() => waterClassCounts(data), [data]);
  const asOf = useMemo(() => newestReading(data.waterSections.flatMap((s) => s.readings)), [data]);
  const total = data.waterSections.length;
  const percent = useMemo(() => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }), [locale]);
  const noReading = t("water.noReading");
  const option = useMemo(
    () => ({
      tooltip: { trigger: "item", formatter: "{b}: {c} ({d}%)" },
      legend: { bottom: 0 },
      series: [
        {
          type: "pie",
          name: t("water.sections"),
          radius: ["35%", "65%"],
          data: counts.map((c) => ({ name: c.qualityClass ?? noReading, value: c.sections })),
        },
      ],
    }),
    [counts, t, noReading],
  );
  return (
    <>
      {asOf && <p className="hint">{t("asOf", { at: format.dateTime(asOf) })}</p>}
      <Chart option={option} label={t("water.chart")} height={300} testId="chart-water" />
      <div className="dashboard-table">
        <table>
          <caption>{t("water.table")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("water.class")}</th>
              <th scope="col">{t("water.sections")}</th>
              <th scope="col">{t("water.share")}</th>
            </tr>
          </thead>
          <tbody>
            {counts.map((c) => (
              <tr key={c.qualityClass ?? ""}>
                <th scope="row">{c.qualityClass ?? noReading}</th>
                <td>{format.number(c.sections)}</td>
                <td>{percent.format(c.sections / total)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("water.total")}</th>
              <td>{format.number(total)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}
