import { useI18n } from "../../i18n/i18n.js";

/** A panel's query under way: announced, and shown beside the previous answer so nothing blinks. */
export function Loading({ loading, label }: { readonly loading: boolean; readonly label?: string }) {
  const { t } = useI18n();
  return loading ? <p role="status" className="security-loading">{label ?? t("common.loading")}</p> : null;
}
