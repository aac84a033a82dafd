import type { AnswerError } from "../api/client.js";
import { useI18n } from "../i18n/i18n.js";

/** Errors as the gateway coded them: the code first (what a user quotes to support), then the message. */
export function ErrorList({ title, errors, requestId }: { readonly title?: string; readonly errors: readonly AnswerError[]; readonly requestId?: string | null }) {
  const { t } = useI18n();
  if (errors.length === 0) return null;
  return (
    <div className="errors" role="alert">
      <strong>{title ?? t("common.error")}</strong>
      <ul>
        {errors.map((e, i) => (
          <li key={i}>
            <code>{e.extensions?.code ?? "ERROR"}</code> {e.message}
          </li>
        ))}
      </ul>
      {requestId && <small>{t("common.requestId")}: <code>{requestId}</code></small>}
    </div>
  );
}
