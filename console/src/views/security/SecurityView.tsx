import { useCallback, useMemo, useState } from "react";
import { useRoute } from "../../app/router.js";
import { hasRole } from "../../api/session.js";
import { useSession } from "../../api/session-context.js";
import { useQuery } from "../../api/use-query.js";
import { useT } from "../../i18n/i18n.js";
import { AccessLogFilters } from "./AccessLogFilters.js";
import { AccessLogTable } from "./AccessLogTable.js";
import { DecisionChart } from "./DecisionChart.js";
import { ExportPanel } from "./ExportPanel.js";
import { filterInput, stateFrom } from "./filter.js";
import { IntegrityBadge } from "./IntegrityBadge.js";
import { SECURITY_MESSAGES } from "./messages.js";
import { REQUESTER_BY_OWNER, type StatsRow } from "./queries.js";
import { RequesterOwnerHeatMap } from "./RequesterOwnerHeatMap.js";
import { TopDenied } from "./TopDenied.js";

/**
 * Issue 16 §5: the access log for the security team. Everything shown is what the audit
 * subgraph answers this requester: the role `security` reads every record; anyone else is
 * told so and sees what the API gives them (their own unit's data, or nothing).
 */
export default function SecurityView() {
  const t = useT(SECURITY_MESSAGES);
  const session = useSession();
  const route = useRoute();
  const state = useMemo(() => stateFrom(route.params), [route.params]);
  const security = hasRole(session, "security");

  // The log's page is asked for first and alone: the counts and the chain's re-verification
  // (which reads the whole log) wait for its answer, so they never hold up the first rows.
  const [ready, setReady] = useState(false);
  const logAnswered = useCallback(() => setReady(true), []);

  const heatVariables = { filter: filterInput(state.filter) };
  const heat = useQuery<{ accessStats: StatsRow[] }>(ready ? REQUESTER_BY_OWNER : null, heatVariables);
  // The form's suggestions: every unit and owner in the visible log, whatever the filter.
  const unfiltered = heatVariables.filter === null;
  const all = useQuery<{ accessStats: StatsRow[] }>(unfiltered || !ready ? null : REQUESTER_BY_OWNER, { filter: null });
  const source = unfiltered ? heat.answer : all.answer;
  const { units, owners } = useMemo(() => {
    const pairs = source?.data?.accessStats ?? [];
    const distinct = (values: (string | null | undefined)[]): string[] => [...new Set(values.filter((v): v is string => !!v))].sort();
    return { units: distinct(pairs.map((p) => p.unit)), owners: distinct(pairs.map((p) => p.owner)) };
  }, [source]);

  return (
    <div className="security-view">
      <h1>{t("title")}</h1>
      {!security && (
        <div className="security-role-note" role="note" data-testid="security-role-note">
          <strong>{t("role.required")}</strong> <span>{t("role.shown")}</span>
        </div>
      )}
      <AccessLogFilters state={state} units={units} owners={owners} />
      <div className="panels">
        {security ? (
          <IntegrityBadge ready={ready} />
        ) : (
          <section className="panel security-integrity" aria-labelledby="security-integrity-heading">
            <h2 id="security-integrity-heading">{t("integrity.heading")}</h2>
            <p>{t("role.integrity")}</p>
          </section>
        )}
        <ExportPanel filter={state.filter} />
      </div>
      <AccessLogTable state={state} onAnswer={logAnswered} />
      <DecisionChart state={state} ready={ready} />
      <div className="panels">
        <TopDenied state={state} ready={ready} />
        <RequesterOwnerHeatMap loading={heat.loading || !ready} answer={heat.answer} variables={heatVariables} />
      </div>
    </div>
  );
}
