import { useMemo } from "react";
import { useRoute } from "../../app/router.js";
import { hasRole } from "../../api/session.js";
import { useSession } from "../../api/session-context.js";
import { useQuery } from "../../api/use-query.js";
import { DeniedPanel } from "../../components/DeniedPanel.js";
import { ErrorList } from "../../components/ErrorList.js";
import { QueryPanel } from "../../components/QueryPanel.js";
import { useI18n, useT } from "../../i18n/i18n.js";
import { OVERSIGHT_MESSAGES } from "./messages.js";
import { PeriodForm } from "./PeriodForm.js";
import { FigureLegend, PeriodTable } from "./PeriodTable.js";
import { EVALUATED_UNITS, EVALUATIONS, type PeriodEvaluation } from "./queries.js";
import { oversightState } from "./state.js";

// Who the API answers with every unit's evaluation (Art. 28); anyone else gets their own.
const OVERSEERS = ["cac-office", "leading-group", "security"];

/** Issue 16 §6: the units' evaluations per calendar period, from `evaluationsByPeriod`. */
export default function OversightView() {
  const t = useT(OVERSIGHT_MESSAGES);
  const common = useI18n().t;
  const session = useSession();
  const route = useRoute();
  const state = useMemo(() => oversightState(route.params), [route.params]);
  const variables = { from: state.from, to: state.to, period: state.period, unit: state.unit };
  const { loading, answer } = useQuery<{ evaluationsByPeriod: PeriodEvaluation[] }>(EVALUATIONS, variables);
  // The picker's choices: the units evaluated when none is picked (this answer, or a lighter one while one is).
  const everyUnit = useQuery<{ evaluationsByPeriod: { units: { unit: string }[] }[] }>(state.unit ? EVALUATED_UNITS : null, { from: state.from, to: state.to, period: state.period });
  const source = state.unit ? everyUnit.answer : answer;
  const units = useMemo(
    () => [...new Set((source?.data?.evaluationsByPeriod ?? []).flatMap((p) => p.units.map((u) => u.unit)))].sort(),
    [source],
  );
  const periods = answer?.data?.evaluationsByPeriod;
  const others = answer?.errors.filter((e) => e.extensions?.code !== "SHARE_DENIED") ?? [];
  return (
    <div className="oversight-view">
      <h1>{t("title")}</h1>
      <p className="hint">{t("intro")}</p>
      {!OVERSEERS.some((role) => hasRole(session, role)) && <p role="note" className="oversight-own">{t("own")}</p>}
      <PeriodForm state={state} units={units} />
      {loading && <p role="status">{common("common.loading")}</p>}
      {answer && <DeniedPanel answer={answer} />}
      <ErrorList errors={others} requestId={answer?.requestId} />
      {periods && periods.length === 0 && <p>{t("none")}</p>}
      {periods && periods.length > 0 && <FigureLegend />}
      {periods?.map((p) => <PeriodTable key={p.period} period={p} />)}
      <QueryPanel query={EVALUATIONS} variables={variables} />
    </div>
  );
}
