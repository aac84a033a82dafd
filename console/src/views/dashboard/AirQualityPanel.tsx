import { useMemo } from "react";
import { useQuery } from "../../api/use-query.js";
import { Chart } from "../../charts/Chart.js";
import { useFormat, useT } from "../../i18n/i18n.js";
import { aqiByProvince, newestReading, type ProvinceAqi } from "./aggregate.js";
import { DASHBOARD_MESSAGES } from "./messages.js";
import { PanelFrame } from "./PanelFrame.js";
import { AIR_QUERY, type AirData } from "./queries.js";

// HJ 633-2012's AQI levels in its colours (its yellow darkened to read on white): a bar reads as its level.
const AQI_LEVELS = [
  { lte: 50, color: "#00e400" },
  { gt: 50, lte: 100, color: "#e6c700" },
  { gt: 100, lte: 150, color: "#ff7e00" },
  { gt: 150, lte: 200, color: "#ff0000" },
  { gt: 200, lte: 300, color: "#99004c" },
  { gt: 300, color: "#7e0023" },
];

/** Air quality by province: the mean of each station's latest AQI, as a bar chart and as numbers. */
export function AirQualityPanel() {
  const t = useT(DASHBOARD_MESSAGES);
  const state = useQuery<AirData>(AIR_QUERY);
  return (
    <PanelFrame title={t("air.title")} description={t("air.description")} query={AIR_QUERY} state={state} testId="panel-air">
      {(data) => <AirQualityContent data={data} />}
    </PanelFrame>
  );
}

function AirQualityContent({ data }: { readonly data: AirData }) {
  const t = useT(DASHBOARD_MESSAGES);
  const format = useFormat();
  const rows = useMemo(() => aqiByProvince(data), [data]);
  const asOf = useMemo(() => newestReading(data.airStations.flatMap((s) => s.readings)), [data]);
  const unnamed = t("noDivision");
  const name = (row: ProvinceAqi): string => row.name ?? unnamed;
  const option = useMemo(
    () => ({
      tooltip: { trigger: "axis" },
      visualMap: { type: "piecewise", show: false, dimension: 1, pieces: AQI_LEVELS },
      grid: { left: 48, right: 16, top: 32, bottom: 88 },
      xAxis: { type: "category", data: rows.map((r) => r.name ?? unnamed), axisLabel: { rotate: 60, interval: 0 } },
      yAxis: { type: "value", name: "AQI" },
      series: [{ type: "bar", name: t("air.average"), data: rows.map((r) => r.average) }],
    }),
    [rows, t, unnamed],
  );
  return (
    <>
      {asOf && <p className="hint">{t("asOf", { at: format.dateTime(asOf) })}</p>}
      <Chart option={option} label={t("air.chart")} height={340} testId="chart-air" />
      <div className="dashboard-table">
        <table>
          <caption>{t("air.table")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("air.province")}</th>
              <th scope="col">{t("air.stations")}</th>
              <th scope="col">{t("air.average")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.code}>
                <th scope="row">{name(row)}</th>
                <td>{format.number(row.stations)}</td>
                <td>{row.average === null ? "—" : format.number(row.average)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
