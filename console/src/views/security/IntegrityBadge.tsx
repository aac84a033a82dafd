import { useQuery } from "../../api/use-query.js";
import { useFormat, useT } from "../../i18n/i18n.js";
import { AnswerProblems } from "./AnswerProblems.js";
import { Loading } from "./Loading.js";
import { SECURITY_MESSAGES } from "./messages.js";
import { AUDIT_INTEGRITY, type Integrity } from "./queries.js";

/** The whole audit chain re-verified by the gateway (`auditIntegrity`), on load and on demand. */
export function IntegrityBadge({ ready }: { readonly ready: boolean }) {
  const t = useT(SECURITY_MESSAGES);
  const fmt = useFormat();
  const { loading, answer, reload } = useQuery<{ auditIntegrity: Integrity }>(ready ? AUDIT_INTEGRITY : null);
  const integrity = answer?.data?.auditIntegrity;
  return (
    <section className="panel security-integrity" aria-labelledby="security-integrity-heading">
      <h2 id="security-integrity-heading">{t("integrity.heading")}</h2>
      <Loading loading={loading || !ready} label={t("integrity.verifying")} />
      <AnswerProblems answer={answer} />
      {integrity && (
        <div data-testid="integrity">
          <p>
            <span className={`badge ${integrity.ok ? "ok" : "broken"}`} data-testid="integrity-badge">
              {integrity.ok ? `✓ ${t("integrity.ok")}` : `✗ ${t("integrity.broken")}`}
            </span>{" "}
            <span data-testid="integrity-records">{t("integrity.records", { records: fmt.number(integrity.records) })}</span>
          </p>
          {integrity.firstBrokenId && <p className="security-broken">{t("integrity.firstBroken", { id: integrity.firstBrokenId })}</p>}
          {integrity.problems.length > 0 && (
            <>
              <h3>{t("integrity.problems")}</h3>
              <ul className="security-problems">
                {integrity.problems.map((p, i) => <li key={i}>{p}</li>)}
              </ul>
            </>
          )}
        </div>
      )}
      <button type="button" className="secondary" onClick={reload} disabled={loading || !ready}>{t("integrity.verify")}</button>
    </section>
  );
}
