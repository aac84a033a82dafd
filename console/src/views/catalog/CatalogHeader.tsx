import { useFormat, useT } from "../../i18n/i18n.js";
import type { Catalog, CatalogProblem } from "./catalog-model.js";
import { CATALOG_MESSAGES } from "./messages.js";

/** Which catalog this is (version, status, digest) and what its checks found. */
export function CatalogHeader({ catalog }: { readonly catalog: Catalog }) {
  const t = useT(CATALOG_MESSAGES);
  const format = useFormat();
  return (
    <div className="panel catalog-header" data-testid="catalog-version">
      <p>
        <strong>{t("version", { version: catalog.version })}</strong>{" "}
        <span className={`badge ${catalog.published ? "ok" : "catalog-draft"}`} data-testid="catalog-status">{t(`status.${catalog.status}`)}</span>
      </p>
      {!catalog.published && <p className="hint">{t("unpublishedNote")}</p>}
      <dl className="catalog-facts">
        <dt>{t("digest")}</dt>
        <dd><code title={catalog.digest}>{catalog.digest.slice(0, 16)}…</code></dd>
        <dt>{t("recordedAt")}</dt>
        <dd>{format.dateTime(catalog.recordedAt)}</dd>
        {catalog.publishedAt && (
          <>
            <dt>{t("publishedAt")}</dt>
            <dd>{format.dateTime(catalog.publishedAt)}</dd>
          </>
        )}
      </dl>
      <Findings testId="catalog-problems" title={t("problems", { count: catalog.problems.length })} findings={catalog.problems} />
      <Findings testId="catalog-flags" title={t("flags", { count: catalog.flags.length })} findings={catalog.flags} />
    </div>
  );
}

function Findings({ title, findings, testId }: { readonly title: string; readonly findings: readonly CatalogProblem[]; readonly testId: string }) {
  if (findings.length === 0) return null;
  return (
    <details className="catalog-findings" data-testid={testId}>
      <summary>{title}</summary>
      <ul>
        {findings.map((f) => (
          <li key={`${f.code} ${f.subject}`}>
            <code>{f.code}</code> <code>{f.subject}</code>{f.owner ? ` (${f.owner})` : ""}: {f.message}
          </li>
        ))}
      </ul>
    </details>
  );
}
