import { useId, type ReactNode } from "react";
import type { Answer } from "../../api/client.js";
import { ErrorList } from "../../components/ErrorList.js";
import { useT } from "../../i18n/i18n.js";
import { APPLICATIONS_MESSAGES } from "./messages.js";

/** A titled region of the view (a landmark), with its query's loading state and coded errors. */
export function Section({ anchor, title, loading, answer, children }: {
  readonly anchor: string;
  readonly title: string;
  readonly loading: boolean;
  readonly answer: Answer<unknown> | null;
  readonly children: ReactNode;
}) {
  const t = useT(APPLICATIONS_MESSAGES);
  const id = useId();
  return (
    <section id={anchor} className="panel applications-section" aria-labelledby={id} aria-busy={loading}>
      <h2 id={id}>{title}</h2>
      {loading && <p role="status">{t("loading")}</p>}
      {answer && <ErrorList errors={answer.errors} requestId={answer.requestId} />}
      {children}
    </section>
  );
}
