import { useT } from "../../i18n/i18n.js";
import { OVERSIGHT_MESSAGES, type OversightKey } from "./messages.js";
import type { DeadlineFigures, PeriodEvaluation, UnitEvaluation } from "./queries.js";
import { RatioFigure } from "./RatioFigure.js";

type Column = "shareRatio" | "catalogCompleteness" | "resourcesWithFrequency" | "applications" | "dataIssues" | "catalogChanges" | "misuse";

const HINTS: Readonly<Record<Column, OversightKey>> = {
  shareRatio: "hint.shareRatio",
  catalogCompleteness: "hint.catalogCompleteness",
  resourcesWithFrequency: "hint.resourcesWithFrequency",
  applications: "hint.deadline",
  dataIssues: "hint.deadline",
  catalogChanges: "hint.deadline",
  misuse: "hint.misuse",
};
const COLUMNS = Object.keys(HINTS) as Column[];

/** One calendar period: a row per unit, each figure with its numerator and denominator. */
export function PeriodTable({ period }: { readonly period: PeriodEvaluation }) {
  const t = useT(OVERSIGHT_MESSAGES);
  const unmeasured = period.units.some((u) => !u.freshnessMeasured);
  return (
    <section className="panel oversight-period" aria-labelledby={`period-${period.period}`} data-period={period.period}>
      <h2 id={`period-${period.period}`}>{t("period.heading", { period: period.period, from: period.from, to: period.to })}</h2>
      {period.units.length === 0 ? (
        <p>{t("period.empty")}</p>
      ) : (
        <div className="oversight-scroll" role="region" aria-label={t("period.caption", { period: period.period })} tabIndex={0}>
          <table data-testid="evaluation-table">
            <caption className="sr-only">{t("period.caption", { period: period.period })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("col.unit")}</th>
                <th scope="col">{t("col.asOf")}</th>
                <th scope="col">{t("col.catalogVersion")}</th>
                {COLUMNS.map((c) => (
                  <th scope="col" key={c} title={t(HINTS[c])}>{t(`col.${c}`)}</th>
                ))}
                <th scope="col">{t("col.purposeSpread")}</th>
              </tr>
            </thead>
            <tbody>
              {period.units.map((u) => <UnitRow key={u.unit} unit={u} />)}
            </tbody>
          </table>
        </div>
      )}
      {unmeasured && <p className="hint">{t("freshness")}</p>}
    </section>
  );
}

/** What each figure divides: once for every table on the page. */
export function FigureLegend() {
  const t = useT(OVERSIGHT_MESSAGES);
  return (
    <dl className="oversight-legend">
      {COLUMNS.map((c) => (
        <div key={c}>
          <dt>{t(`col.${c}`)}</dt>
          <dd>{t(HINTS[c])}</dd>
        </div>
      ))}
    </dl>
  );
}

function UnitRow({ unit }: { readonly unit: UnitEvaluation }) {
  const t = useT(OVERSIGHT_MESSAGES);
  return (
    <tr data-unit={unit.unit}>
      <th scope="row">{unit.unit}</th>
      <td>{unit.asOf}</td>
      <td>{unit.catalogVersion ?? t("noCatalog")}</td>
      <td data-figure="shareRatio"><RatioFigure ratio={unit.shareRatio} /></td>
      <td data-figure="catalogCompleteness"><RatioFigure ratio={unit.catalogCompleteness} /></td>
      <td data-figure="resourcesWithFrequency"><RatioFigure ratio={unit.resourcesWithFrequency} /></td>
      <td data-figure="applications"><Deadlines figures={unit.applications} /></td>
      <td data-figure="dataIssues"><Deadlines figures={unit.dataIssues} /></td>
      <td data-figure="catalogChanges"><Deadlines figures={unit.catalogChanges} /></td>
      <td data-figure="misuse">{unit.misuse.measured ? <RatioFigure ratio={unit.misuse.denied} /> : t("misuse.unmeasured")}</td>
      <td data-figure="purposeSpread">
        {unit.misuse.purposeSpread.length === 0 ? (
          t("spread.none")
        ) : (
          <details>
            <summary>{t("spread.count", { count: unit.misuse.purposeSpread.length })}</summary>
            <ul>
              {unit.misuse.purposeSpread.map((s) => (
                <li key={s.coordinate}><code>{s.coordinate}</code>: {s.purposes.join(", ")} ({s.records})</li>
              ))}
            </ul>
          </details>
        )}
      </td>
    </tr>
  );
}

function Deadlines({ figures }: { readonly figures: DeadlineFigures }) {
  const t = useT(OVERSIGHT_MESSAGES);
  return (
    <>
      <RatioFigure ratio={figures.answeredInTime} />
      {figures.total > 0 && <small className="oversight-detail">{t("deadline.detail", { ...figures, answeredInTime: "" })}</small>}
    </>
  );
}
