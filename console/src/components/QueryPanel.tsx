import { useId, useState } from "react";
import { useI18n } from "../i18n/i18n.js";

/** "View query": the GraphQL a panel runs, so a dashboard's author can take it elsewhere. */
export function QueryPanel({ query, variables }: { readonly query: string; readonly variables?: Readonly<Record<string, unknown>> }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="query-panel">
      <button type="button" className="link" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        {open ? t("common.hideQuery") : t("common.viewQuery")}
      </button>
      {open && (
        <pre id={id} data-testid="panel-query">
          {query.trim()}
          {variables && Object.keys(variables).length > 0 ? `\n\n# variables\n${JSON.stringify(variables, null, 2)}` : ""}
        </pre>
      )}
    </div>
  );
}
