import { useEffect, useRef, useState } from "react";
import { useSession } from "../../api/session-context.js";
import { ErrorList } from "../../components/ErrorList.js";
import { useFormat, useT } from "../../i18n/i18n.js";
import { exportFileName, exportLog, EXPORT_LIMIT, type ExportResult } from "./export-log.js";
import type { LogFilter } from "./filter.js";
import { SECURITY_MESSAGES } from "./messages.js";

interface Download {
  readonly url: string;
  readonly file: string;
  readonly count: number;
}

/** The filtered range as an NDJSON file, built in the browser from the API's pages and offered as a download. */
export function ExportPanel({ filter }: { readonly filter: LogFilter }) {
  const t = useT(SECURITY_MESSAGES);
  const fmt = useFormat();
  const session = useSession();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [download, setDownload] = useState<Download | null>(null);
  const link = useRef<HTMLAnchorElement>(null);

  // A blob: URL holds the file in memory until revoked.
  useEffect(() => () => { if (download) URL.revokeObjectURL(download.url); }, [download]);
  useEffect(() => { link.current?.click(); }, [download]);

  const run = async (): Promise<void> => {
    setResult(null);
    setDownload(null);
    setProgress({ done: 0, total: 0 });
    const answer = await exportLog(session, filter, (done, total) => setProgress({ done, total }));
    setProgress(null);
    setResult(answer);
    if (answer.kind === "done") {
      const blob = new Blob([answer.ndjson], { type: "application/x-ndjson" });
      setDownload({ url: URL.createObjectURL(blob), file: exportFileName(new Date()), count: answer.count });
    }
  };

  return (
    <section className="panel security-export" aria-labelledby="security-export-heading">
      <h2 id="security-export-heading">{t("export.heading")}</h2>
      <p className="hint">{t("export.hint")}</p>
      <button type="button" onClick={() => void run()} disabled={progress !== null}>{t("export.button")}</button>
      {progress && <p role="status">{t("export.progress", { done: fmt.number(progress.done), total: fmt.number(progress.total) })}</p>}
      {result?.kind === "tooMany" && <p role="alert">{t("export.tooMany", { total: fmt.number(result.total), limit: fmt.number(EXPORT_LIMIT) })}</p>}
      {result?.kind === "failed" && <ErrorList title={t("export.failed")} errors={result.errors} requestId={result.requestId} />}
      {download && (
        <p role="status">
          {t("export.done", { count: fmt.number(download.count), file: download.file })}{" "}
          <a ref={link} href={download.url} download={download.file}>{t("export.again")}</a>
        </p>
      )}
    </section>
  );
}
