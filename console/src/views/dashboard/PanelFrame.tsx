import { useId, type ReactNode } from "react";
import { denials } from "../../api/client.js";
import type { QueryState } from "../../api/use-query.js";
import { href, Link } from "../../app/router.js";
import { DeniedPanel } from "../../components/DeniedPanel.js";
import { ErrorList } from "../../components/ErrorList.js";
import { QueryPanel } from "../../components/QueryPanel.js";
import { useI18n, useT } from "../../i18n/i18n.js";
import { DASHBOARD_MESSAGES } from "./messages.js";

export interface PanelFrameProps<T> {
  readonly title: string;
  readonly description?: ReactNode;
  readonly query: string;
  readonly variables?: Readonly<Record<string, unknown>>;
  readonly state: QueryState<T>;
  /** Controls above the content (e.g. a province picker). */
  readonly controls?: ReactNode;
  readonly children: (data: T) => ReactNode;
  readonly testId: string;
}

/** What the explorer opens: the panel's query, and its variables when it has any. */
function explorerHref(query: string, variables?: Readonly<Record<string, unknown>>): string {
  const params: Record<string, string> = { query };
  if (variables && Object.keys(variables).length > 0) params["variables"] = JSON.stringify(variables, null, 2);
  return href("explorer", params);
}

/**
 * One dashboard panel around its own query: its loading, its coded errors and its denials
 * are its own, so a slow or failing panel holds up no other. The content is drawn only from a
 * complete answer: a denied field, even among data, shows the denial and the way to apply
 * (what is missing matters more than a chart that silently lacks it).
 */
export function PanelFrame<T>({ title, description, query, variables, state, controls, children, testId }: PanelFrameProps<T>) {
  const t = useT(DASHBOARD_MESSAGES);
  const common = useI18n().t;
  const headingId = useId();
  const { loading, answer, reload } = state;
  const denied = answer ? denials(answer) : [];
  const otherErrors = answer ? answer.errors.filter((e) => e.extensions?.code !== "SHARE_DENIED") : [];
  const complete = answer !== null && answer.data !== null && answer.errors.length === 0;

  return (
    <section className="panel dashboard-panel" aria-labelledby={headingId} aria-busy={loading} data-testid={testId}>
      <h2 id={headingId}>{title}</h2>
      {description && <p className="hint">{description}</p>}
      {controls}
      <div className="dashboard-panel-actions">
        <QueryPanel query={query} variables={variables} />
        <Link href={explorerHref(query, variables)}>{t("openInExplorer")}</Link>
      </div>
      {loading && <p role="status">{answer ? t("refreshing") : common("common.loading")}</p>}
      {answer && denied.length > 0 && <DeniedPanel answer={answer} />}
      {answer && otherErrors.length > 0 && (
        <>
          <ErrorList errors={otherErrors} requestId={answer.requestId} />
          <button type="button" className="secondary" onClick={reload}>{common("common.retry")}</button>
        </>
      )}
      {answer && answer.errors.length === 0 && answer.data === null && <p>{t("noData")}</p>}
      {complete && answer.data !== null && children(answer.data)}
    </section>
  );
}
