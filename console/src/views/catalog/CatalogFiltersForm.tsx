import { PURPOSES } from "../../api/client.js";
import { useI18n, useT } from "../../i18n/i18n.js";
import { ACCESS_FILTERS, SHARE_CLASSES, type CatalogFilters } from "./catalog-model.js";
import { CATALOG_MESSAGES } from "./messages.js";

/** The catalog's filters: each change is a new URL, so the filtered catalog can be linked. */
export function CatalogFiltersForm({ filters, units, onChange }: { readonly filters: CatalogFilters; readonly units: readonly string[]; readonly onChange: (next: CatalogFilters) => void }) {
  const t = useT(CATALOG_MESSAGES);
  const common = useI18n().t;
  const set = (key: keyof CatalogFilters, value: string): void => onChange({ ...filters, [key]: value || null });
  const active = Object.values(filters).some((v) => v !== null);
  return (
    <form className="filters catalog-filters" role="search" aria-label={t("filters.label")} onSubmit={(e) => e.preventDefault()}>
      <label>
        {t("filters.unit")}
        <select name="unit" value={filters.unit ?? ""} onChange={(e) => set("unit", e.target.value)}>
          <option value="">{t("filters.any")}</option>
          {units.map((u) => <option key={u} value={u}>{u}</option>)}
        </select>
      </label>
      <label>
        {t("filters.class")}
        <select name="class" value={filters.class ?? ""} onChange={(e) => set("class", e.target.value)}>
          <option value="">{t("filters.any")}</option>
          {SHARE_CLASSES.map((c) => <option key={c} value={c}>{t(`class.${c}`)}</option>)}
        </select>
      </label>
      <label>
        {t("filters.purpose")}
        <select name="purpose" value={filters.purpose ?? ""} onChange={(e) => set("purpose", e.target.value)}>
          <option value="">{t("filters.any")}</option>
          {PURPOSES.map((p) => <option key={p} value={p}>{common(`purpose.${p}`)}</option>)}
        </select>
      </label>
      <label>
        {t("filters.access")}
        <select name="access" value={filters.access ?? ""} onChange={(e) => set("access", e.target.value)}>
          <option value="">{t("filters.any")}</option>
          {ACCESS_FILTERS.map((a) => <option key={a} value={a}>{t(`filters.${a}`)}</option>)}
        </select>
      </label>
      {active && (
        <button type="button" className="secondary" onClick={() => onChange({ unit: null, class: null, purpose: null, access: null })}>
          {t("filters.clear")}
        </button>
      )}
    </form>
  );
}
