import { useState } from "react";
import { applyHints, denials, type Answer } from "../api/client.js";
import { useI18n } from "../i18n/i18n.js";
import { ApplyDialog, type ApplyRequest } from "./ApplyDialog.js";

/**
 * What a panel shows instead of its chart when the answer denied fields: what was denied and
 * the application that opens it (never an empty chart, which would read as "no data").
 * Null when nothing was denied.
 */
export function DeniedPanel({ answer }: { readonly answer: Answer<unknown> }) {
  const { t } = useI18n();
  const [applying, setApplying] = useState<ApplyRequest | null>(null);
  const denied = denials(answer);
  if (denied.length === 0) return null;
  const coordinates = [...new Set(denied.map((d) => d.extensions?.share?.coordinate).filter((c): c is string => !!c))].sort();
  const hints = applyHints(answer);
  return (
    <div className="denied" role="note" data-testid="denied-panel">
      <strong>{t("denied.title")}</strong>
      <p>{t("denied.body")}</p>
      <ul>
        {coordinates.map((c) => {
          const reason = denied.find((d) => d.extensions?.share?.coordinate === c)?.extensions?.share?.reason;
          return <li key={c}><code>{c}</code> <small>{reason}</small></li>;
        })}
      </ul>
      {hints.map((hint) => (
        <button key={hint.provider} type="button" onClick={() => setApplying(hint)}>
          {t("common.apply")} — {hint.provider}
        </button>
      ))}
      {applying && <ApplyDialog request={applying} onClose={() => setApplying(null)} />}
    </div>
  );
}
