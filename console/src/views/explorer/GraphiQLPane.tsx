import { useGraphiQL, type MonacoEditor } from "@graphiql/react";
import { GraphiQL, type GraphiQLProps } from "graphiql";
import { useEffect } from "react";
// Monaco's workers as Vite workers: files under /console/assets (worker-src 'self'), never a CDN.
import "graphiql/setup-workers/vite";
// graphiql/style.css would bring its fonts as data: URLs, which `font-src 'self'` refuses; these are
// the same rules without them (Monaco's own CSS, with its icon font as a file, comes with Monaco).
import "@graphiql/react/style.css";
import "@graphiql/plugin-doc-explorer/style.css";
import "@graphiql/plugin-history/style.css";
import "graphiql/graphiql.css";

// The editors ask for Fira Code, which is not bundled (see above): the console's monospace instead.
const MONO = 'ui-monospace, "DejaVu Sans Mono", "Noto Sans Mono", Menlo, Consolas, monospace';

function useMonoFont(editor: MonacoEditor | undefined): void {
  useEffect(() => {
    editor?.updateOptions({ fontFamily: MONO, fontSize: 14 });
  }, [editor]);
}

/** Reports the operation text in the editor: at start, at every edit and when another tab is opened. */
function OperationWatcher({ onOperation }: { readonly onOperation: (text: string) => void }) {
  const queryEditor = useGraphiQL((s) => s.queryEditor);
  useMonoFont(queryEditor);
  useMonoFont(useGraphiQL((s) => s.variableEditor));
  useMonoFont(useGraphiQL((s) => s.responseEditor));
  useEffect(() => {
    if (!queryEditor) return;
    onOperation(queryEditor.getValue());
    const subscription = queryEditor.onDidChangeModelContent(() => onOperation(queryEditor.getValue()));
    return () => subscription.dispose();
  }, [queryEditor, onOperation]);
  return null;
}

export interface GraphiQLPaneProps {
  readonly fetcher: GraphiQLProps["fetcher"];
  readonly defaultQuery: string;
  /** An operation to open (?query=): it gets its own tab unless one already holds it. */
  readonly initialQuery: string | undefined;
  readonly onOperation: (text: string) => void;
}

export function GraphiQLPane({ fetcher, defaultQuery, initialQuery, onOperation }: GraphiQLPaneProps) {
  return (
    <GraphiQL
      fetcher={fetcher}
      defaultQuery={defaultQuery}
      initialQuery={initialQuery}
      // The token and purpose are the session's (the fetcher sets them); a headers editor would only mislead.
      isHeadersEditorEnabled={false}
      defaultTheme="light"
    >
      <OperationWatcher onOperation={onOperation} />
    </GraphiQL>
  );
}
