import { useState } from "react";
import type { ShareApply } from "../../api/client.js";
import { useSession } from "../../api/session-context.js";
import { useQuery } from "../../api/use-query.js";
import { ApplyDialog } from "../../components/ApplyDialog.js";
import { ErrorList } from "../../components/ErrorList.js";
import { useFormat, useI18n, useT } from "../../i18n/i18n.js";
import { applicationsByProvider, distinctErrors, EXPLAIN, explainVariables, type ExplainData, type FieldDecision, type OperationCost } from "./explain.js";
import { EXPLORER_MESSAGES, type ExplorerKey } from "./messages.js";

function Reason({ reason }: { readonly reason: string }) {
  const t = useT(EXPLORER_MESSAGES);
  const key = `reason.${reason}`;
  return (
    <span>
      <code data-testid="reason">{reason}</code>
      {key in EXPLORER_MESSAGES.en && <> {t(key as ExplorerKey)}</>}
    </span>
  );
}

function ApplyHint({ row, onApply }: { readonly row: FieldDecision; readonly onApply: (request: ShareApply) => void }) {
  const t = useT(EXPLORER_MESSAGES);
  if (row.decision === "ALLOWED") return null;
  if (!row.apply) return <p className="explorer-apply">{t("apply.none")}</p>;
  const apply = row.apply;
  return (
    <p className="explorer-apply" data-testid="apply-hint">
      <span>{t("apply.where", { provider: apply.provider })} </span>
      <code>{apply.coordinates.join(", ")}</code>{" "}
      <button type="button" className="secondary" aria-label={t("apply.row", { coordinate: row.coordinate })} onClick={() => onApply(apply)}>
        {t("col.apply")}
      </button>
    </p>
  );
}

/** A break opportunity after each dot: long coordinates wrap in the narrow panel, their text unchanged. */
const Coordinate = ({ coordinate }: { readonly coordinate: string }) => (
  <code className="explorer-coordinate" data-testid="coordinate">
    {coordinate.split(".").map((part, i) => (i === 0 ? part : <span key={i}>.<wbr />{part}</span>))}
  </code>
);

function DecisionList({ decisions, onApply }: { readonly decisions: readonly FieldDecision[]; readonly onApply: (request: ShareApply) => void }) {
  const t = useT(EXPLORER_MESSAGES);
  return (
    <ol className="explorer-decisions" aria-label={t("explain.caption")} data-testid="explain-list">
      {decisions.map((d, i) => (
        <li key={`${d.coordinate}-${i}`} className={`explorer-field explorer-field-${d.decision}`}>
          <div className="explorer-field-head">
            <Coordinate coordinate={d.coordinate} />
            <span className={`decision-${d.decision}`} data-testid="decision">{d.decision}</span>
          </div>
          <dl>
            <dt>{t("col.reason")}</dt>
            <dd><Reason reason={d.reason} /></dd>
            <dt>{t("col.owner")}</dt>
            <dd data-testid="owner">{d.owner}</dd>
            <dt>{t("col.class")}</dt>
            <dd>{d.shareClass ?? t("class.none")}</dd>
          </dl>
          <ApplyHint row={d} onApply={onApply} />
        </li>
      ))}
    </ol>
  );
}

function CostSummary({ cost }: { readonly cost: OperationCost }) {
  const t = useT(EXPLORER_MESSAGES);
  const { number } = useFormat();
  const limit = (name: string): number | undefined => cost.limits.find((l) => l.name === name)?.max;
  const over = cost.limits.filter((l) => l.actual > l.max);
  const of = (actual: number, max: number | undefined): string => (max === undefined ? number(actual) : t("cost.of", { actual: number(actual), max: number(max) }));
  return (
    <section className="explorer-cost" aria-labelledby="explorer-cost-title">
      <h3 id="explorer-cost-title">{t("cost.title")}</h3>
      <dl data-testid="explain-cost">
        <dt>{t("cost.depth")}</dt>
        <dd data-testid="cost-depth">{of(cost.depth, limit("depth"))}</dd>
        <dt>{t("cost.cost")}</dt>
        <dd data-testid="cost-cost">{of(cost.cost, limit("cost"))}</dd>
      </dl>
      {over.map((l) => (
        <p key={l.name} className="overdue">{t("cost.over", { name: l.name, actual: number(l.actual), max: number(l.max) })}</p>
      ))}
    </section>
  );
}

/**
 * The gateway's `explain` of the operation in the editor, for the session's purpose: each
 * field's decision and where to apply, with the application one click away.
 */
export function ExplainPanel({ operation }: { readonly operation: string }) {
  const t = useT(EXPLORER_MESSAGES);
  const common = useI18n().t;
  const session = useSession();
  const empty = operation.trim() === "";
  const { loading, answer, reload } = useQuery<ExplainData>(empty ? null : EXPLAIN, explainVariables(operation, session.purpose));
  const [applying, setApplying] = useState<ShareApply | null>(null);
  const decisions = answer?.data?.explain ?? [];
  const count = (decision: FieldDecision["decision"]): number => decisions.filter((d) => d.decision === decision).length;
  const byProvider = applicationsByProvider(decisions);

  return (
    <section className="panel explorer-explain" aria-labelledby="explorer-explain-title">
      <div className="explorer-explain-head">
        <h2 id="explorer-explain-title">{t("explain.title")}</h2>
        <button type="button" className="secondary" onClick={reload} disabled={empty}>{t("explain.refresh")}</button>
      </div>
      <p className="hint">{t("explain.intro", { purpose: common(`purpose.${session.purpose}`) })}</p>
      {empty ? (
        <p>{t("explain.empty")}</p>
      ) : (
        <>
          {loading && <p role="status">{t("explain.loading")}</p>}
          {answer && <ErrorList title={t("explain.errors")} errors={distinctErrors(answer.errors)} requestId={answer.requestId} />}
          {answer?.data && (
            <>
              <p data-testid="explain-summary">{t("explain.summary", { allowed: count("ALLOWED"), masked: count("MASKED"), denied: count("DENIED") })}</p>
              {byProvider.length > 0 && (
                <div className="explorer-apply-all">
                  {byProvider.map((request) => (
                    <button key={request.provider} type="button" onClick={() => setApplying(request)}>
                      {t("apply.provider", { provider: request.provider, count: request.coordinates.length })}
                    </button>
                  ))}
                </div>
              )}
              <DecisionList decisions={decisions} onApply={setApplying} />
              <CostSummary cost={answer.data.explainCost} />
            </>
          )}
        </>
      )}
      {applying && <ApplyDialog request={applying} onClose={() => setApplying(null)} />}
    </section>
  );
}
