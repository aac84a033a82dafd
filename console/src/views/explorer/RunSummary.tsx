import { useI18n, useT } from "../../i18n/i18n.js";
import type { RunRecord } from "./fetcher.js";
import { EXPLORER_MESSAGES } from "./messages.js";

/**
 * The last run in one line: its HTTP status, how many fields were denied and its request id
 * (what the access log's records of that run carry).
 */
export function RunSummary({ run }: { readonly run: RunRecord | null }) {
  const t = useT(EXPLORER_MESSAGES);
  const common = useI18n().t;
  const denied = run ? run.errors.filter((e) => e.extensions?.code === "SHARE_DENIED").length : 0;
  const others = run ? run.errors.length - denied : 0;
  return (
    <section className="panel explorer-run" aria-labelledby="explorer-run-title">
      <h2 id="explorer-run-title">{t("run.title")}</h2>
      {run ? (
        <p role="status" data-testid="run-summary">
          <span>{t("run.status", { status: run.status })}</span>
          {" · "}
          <span className={denied > 0 ? "decision-DENIED" : undefined}>{denied > 0 ? t("run.denied", { count: denied }) : others > 0 ? t("run.errors", { count: others }) : t("run.ok")}</span>
          {denied > 0 && others > 0 && <span>{" · "}{t("run.errors", { count: others })}</span>}
          {run.requestId && (
            <>
              <br />
              <small>{common("common.requestId")}: <code data-testid="run-request-id">{run.requestId}</code></small>
            </>
          )}
        </p>
      ) : (
        <p className="hint">{t("run.none")}</p>
      )}
    </section>
  );
}
