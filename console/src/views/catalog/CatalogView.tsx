import { useMemo, useState } from "react";
import { useQuery } from "../../api/use-query.js";
import { href, navigate, useRoute } from "../../app/router.js";
import { ApplyDialog, type ApplyRequest } from "../../components/ApplyDialog.js";
import { ErrorList } from "../../components/ErrorList.js";
import { QueryPanel } from "../../components/QueryPanel.js";
import { useT } from "../../i18n/i18n.js";
import { CatalogFiltersForm } from "./CatalogFiltersForm.js";
import { CatalogHeader } from "./CatalogHeader.js";
import { CATALOG_QUERY, filterCatalog, filtersFrom, filtersToParams, itemOwners, type Catalog, type CatalogFilters } from "./catalog-model.js";
import { CATALOG_MESSAGES } from "./messages.js";
import { ResourceSection } from "./ResourceSection.js";

/**
 * Issue 16 §3: the resource catalog with each item's access for me now (under the session's
 * purpose: the query runs again when it changes), filtered from the URL, and an application
 * for what I cannot read.
 */
export default function CatalogView() {
  const t = useT(CATALOG_MESSAGES);
  const route = useRoute();
  const filters = filtersFrom(route.params);
  const { loading, answer } = useQuery<{ catalog: Catalog }>(CATALOG_QUERY);
  const [applying, setApplying] = useState<ApplyRequest | null>(null);
  const catalog = answer?.data?.catalog ?? null;
  const shown = useMemo(() => (catalog ? filterCatalog(catalog.resources, filters) : []), [catalog, filters.unit, filters.class, filters.purpose, filters.access]);
  const units = useMemo(() => (catalog ? itemOwners(catalog.resources) : []), [catalog]);
  const total = catalog?.resources.reduce((n, r) => n + r.items.length, 0) ?? 0;
  const shownItems = shown.reduce((n, r) => n + r.items.length, 0);
  const setFilters = (next: CatalogFilters): void => navigate(href("catalog", filtersToParams(next)));

  return (
    <div className="catalog-view">
      <h1>{t("title")}</h1>
      {loading && <p role="status">{t("loading")}</p>}
      {answer && <ErrorList errors={answer.errors} requestId={answer.requestId} />}
      {catalog && (
        <>
          <CatalogHeader catalog={catalog} />
          <CatalogFiltersForm filters={filters} units={units} onChange={setFilters} />
          <p className="catalog-count" data-testid="catalog-count" aria-live="polite">
            {t("count", { shown: shownItems, total, resources: shown.length })}
          </p>
          {shown.length === 0 && <p>{t("empty")}</p>}
          {shown.map((r) => <ResourceSection key={r.name} resource={r} onApply={(hint) => setApplying({ provider: hint.provider, coordinates: hint.coordinates })} />)}
        </>
      )}
      <QueryPanel query={CATALOG_QUERY} />
      {applying && <ApplyDialog request={applying} onClose={() => setApplying(null)} />}
    </div>
  );
}
