import { useI18n, useT } from "../../i18n/i18n.js";
import type { CatalogItem, HowToApply } from "./catalog-model.js";
import { enumLabel, purposeLabel } from "./labels.js";
import { CATALOG_MESSAGES } from "./messages.js";

/** One data item: its catalog entry and what the gateway would decide for me now. */
export function ItemRow({ item, onApply }: { readonly item: CatalogItem; readonly onApply: (hint: HowToApply) => void }) {
  const t = useT(CATALOG_MESSAGES);
  const common = useI18n().t;
  const { decision, reason, apply } = item.access;
  return (
    <tr data-testid="catalog-item" data-coordinate={item.coordinate} data-decision={decision}>
      <th scope="row">
        <code className="catalog-coordinate">{item.coordinate}</code>
        {item.description && <div className="hint">{item.description}</div>}
      </th>
      <td>{item.owner}</td>
      <td>{item.sharingClass ? enumLabel(t, "class", item.sharingClass) : <span className="catalog-unclassified">{t("class.UNCLASSIFIED")}</span>}</td>
      <td>{item.scope.join(", ") || t("noConditions")}</td>
      <td>{item.purposes.map((p) => purposeLabel(common, p)).join("、")}</td>
      <td>
        {item.conditions
          ? [item.conditions.approval ? t("approvalNeeded") : null, item.conditions.mask === "PARTIAL" ? t("masked") : null].filter(Boolean).join("；") || t("noConditions")
          : t("noConditions")}
      </td>
      <td>{item.basis ?? t("noConditions")}</td>
      <td>{item.updateFrequency ? enumLabel(t, "freq", item.updateFrequency) : t("noConditions")}</td>
      <td><code>{item.format.type}</code> <small>{item.format.kind}</small></td>
      <td className="catalog-method">{item.sharingMethod}</td>
      <td>
        <span className={`decision-${decision}`}>{enumLabel(t, "decision", decision)}</span> <small><code>{reason}</code></small>
      </td>
      <td>
        {apply ? (
          <>
            <button type="button" aria-label={t("applyFor", { coordinate: item.coordinate })} onClick={() => onApply(apply)}>{common("common.apply")}</button>
            <div className="hint">{t("applyAfter", { provider: apply.provider, days: apply.workingDays })}</div>
          </>
        ) : decision !== "ALLOWED" ? (
          <span className="hint">{t("noApply")}</span>
        ) : null}
      </td>
    </tr>
  );
}
