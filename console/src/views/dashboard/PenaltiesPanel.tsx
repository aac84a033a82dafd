import { useQuery } from "../../api/use-query.js";
import { useFormat, useT } from "../../i18n/i18n.js";
import { DASHBOARD_MESSAGES } from "./messages.js";
import { PanelFrame } from "./PanelFrame.js";
import { PENALTIES_QUERY, PENALTIES_SHOWN, type PenaltiesData } from "./queries.js";

const VARIABLES = { first: PENALTIES_SHOWN };

/** The newest penalty decisions, as a table. */
export function PenaltiesPanel() {
  const t = useT(DASHBOARD_MESSAGES);
  const state = useQuery<PenaltiesData>(PENALTIES_QUERY, VARIABLES);
  const page = state.answer?.data?.penalties;
  return (
    <PanelFrame
      title={t("penalties.title")}
      description={page ? t("penalties.description", { count: page.nodes.length, total: page.totalCount }) : undefined}
      query={PENALTIES_QUERY}
      variables={VARIABLES}
      state={state}
      testId="panel-penalties"
    >
      {(data) => <PenaltiesTable data={data} />}
    </PanelFrame>
  );
}

function PenaltiesTable({ data }: { readonly data: PenaltiesData }) {
  const t = useT(DASHBOARD_MESSAGES);
  const format = useFormat();
  if (data.penalties.nodes.length === 0) return <p>{t("penalties.none")}</p>;
  return (
    <div className="dashboard-table">
      <table>
        <caption>{t("penalties.table")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("penalties.decisionNumber")}</th>
            <th scope="col">{t("penalties.decidedOn")}</th>
            <th scope="col" className="num">{t("penalties.amount")}</th>
            <th scope="col">{t("penalties.violation")}</th>
            <th scope="col">{t("penalties.status")}</th>
          </tr>
        </thead>
        <tbody>
          {data.penalties.nodes.map((p) => (
            <tr key={p.id}>
              <td>{p.decisionNumber ?? "—"}</td>
              <td>{p.decidedOn ?? "—"}</td>
              <td className="num">{p.amountYuan === null ? "—" : format.number(p.amountYuan)}</td>
              <td>{p.violation ?? "—"}</td>
              <td>{p.status ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
