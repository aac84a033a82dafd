import { useEffect, useMemo, useRef, useState } from "react";
import { useRoute } from "../../app/router.js";
import { useSession } from "../../api/session-context.js";
import type { Session } from "../../api/session.js";
import { useT } from "../../i18n/i18n.js";
import { ExplainPanel } from "./ExplainPanel.js";
import { sessionFetcher, type RunRecord } from "./fetcher.js";
import { GraphiQLPane } from "./GraphiQLPane.js";
import { DEFAULT_OPERATION, EXPLORER_MESSAGES } from "./messages.js";
import { RunSummary } from "./RunSummary.js";

// Explain as the user pauses, not at every keystroke.
const EXPLAIN_DELAY_MS = 400;

function useDebounced<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

/** The session as of now, for callbacks that outlive a render (GraphiQL keeps its fetcher). */
function useLatest(session: Session): () => Session {
  const ref = useRef(session);
  useEffect(() => {
    ref.current = session;
  }, [session]);
  return useMemo(() => () => ref.current, []);
}

/**
 * GraphiQL on the federated schema, as the signed-in unit, with the gateway's explain of the
 * operation beside it (issue 16 item 2).
 */
export default function ExplorerView() {
  const t = useT(EXPLORER_MESSAGES);
  const route = useRoute();
  const current = useLatest(useSession());
  const [operation, setOperation] = useState("");
  const [run, setRun] = useState<RunRecord | null>(null);
  // One fetcher for the editor's life: a new one would make GraphiQL introspect again.
  const fetcher = useMemo(() => sessionFetcher(current, setRun), [current]);
  const initialQuery = route.params.get("query") ?? undefined;
  const settled = useDebounced(operation, EXPLAIN_DELAY_MS);

  return (
    <section className="explorer" aria-labelledby="explorer-title">
      <h1 id="explorer-title">{t("title")}</h1>
      <p className="hint">{t("intro")}</p>
      <div className="explorer-body">
        <div className="explorer-editor" role="region" aria-label={t("editorLabel")}>
          <GraphiQLPane fetcher={fetcher} defaultQuery={DEFAULT_OPERATION} initialQuery={initialQuery} onOperation={setOperation} />
        </div>
        <div className="explorer-side">
          <ExplainPanel operation={settled} />
          <RunSummary run={run} />
        </div>
      </div>
    </section>
  );
}
