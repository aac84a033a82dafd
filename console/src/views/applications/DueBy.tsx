import { useT } from "../../i18n/i18n.js";
import { APPLICATIONS_MESSAGES } from "./messages.js";

/** A due day; past it while an answer is awaited it says "overdue" in words, not by colour alone. */
export function DueBy({ dueBy, overdue }: { readonly dueBy: string; readonly overdue: boolean }) {
  const t = useT(APPLICATIONS_MESSAGES);
  return (
    <span className={overdue ? "overdue" : undefined} data-testid="due-by">
      {dueBy}
      {overdue && <> <span className="badge applications-overdue-badge">{t("overdue")}</span></>}
    </span>
  );
}
