import { useId } from "react";
import { useT } from "../../i18n/i18n.js";
import type { CatalogResource, HowToApply } from "./catalog-model.js";
import { ItemRow } from "./ItemRow.js";
import { enumLabel } from "./labels.js";
import { CATALOG_MESSAGES } from "./messages.js";

const COLUMNS = ["coordinate", "owner", "class", "scope", "purposes", "conditions", "basis", "frequency", "format", "method", "access", "action"] as const;

/** A resource (政务信息资源): its own entry, then its (filtered) items. */
export function ResourceSection({ resource, onApply }: { readonly resource: CatalogResource; readonly onApply: (hint: HowToApply) => void }) {
  const t = useT(CATALOG_MESSAGES);
  const id = useId();
  return (
    <section className="panel catalog-resource" aria-labelledby={id} data-testid="catalog-resource" data-resource={resource.name}>
      <h2 id={id}>{resource.name}</h2>
      {resource.description && <p>{resource.description}</p>}
      <dl className="catalog-facts">
        <dt>{t("category")}</dt>
        <dd>{resource.category ?? t("noConditions")}</dd>
        <dt>{t("owner")}</dt>
        <dd data-testid="resource-owner">{resource.owner}</dd>
        <dt>{t("contributors")}</dt>
        <dd>{resource.contributors.join(", ") || t("noConditions")}</dd>
        <dt>{t("updateFrequency")}</dt>
        <dd>{resource.updateFrequency ? enumLabel(t, "freq", resource.updateFrequency) : t("noConditions")}</dd>
        {resource.accessPoints.length > 0 && (
          <>
            <dt>{t("accessPoints")}</dt>
            <dd>{resource.accessPoints.map((a) => <code key={a.coordinate} className="catalog-signature">{a.signature}</code>)}</dd>
          </>
        )}
      </dl>
      <div className="catalog-table">
        <table>
          <thead>
            <tr>{COLUMNS.map((c) => <th key={c} scope="col">{t(`col.${c}`)}</th>)}</tr>
          </thead>
          <tbody>
            {resource.items.map((item) => <ItemRow key={item.coordinate} item={item} onApply={onApply} />)}
          </tbody>
        </table>
      </div>
    </section>
  );
}
