import { useFormat, useI18n, useT } from "../../i18n/i18n.js";
import { useMutation } from "../../api/use-query.js";
import { ActionForm } from "./ActionForm.js";
import { enumLabel, purposeLabel } from "./labels.js";
import { APPLICATIONS_MESSAGES } from "./messages.js";
import { REVOKE, type Grant } from "./model.js";
import { TableFrame } from "./TableFrame.js";

const COLUMNS = ["id", "holder", "coordinates", "purpose", "status", "grantedAt", "validUntil", "reason", "actions"] as const;

/** Grants, each active one revocable with a reason (it stops at the holder's next request). */
export function GrantTable({ grants, label }: { readonly grants: readonly Grant[]; readonly label: string }) {
  const t = useT(APPLICATIONS_MESSAGES);
  const common = useI18n().t;
  const format = useFormat();
  const revoke = useMutation(REVOKE);
  if (grants.length === 0) return <p className="hint">{t("empty")}</p>;
  return (
    <TableFrame label={label} headers={COLUMNS.map((c) => t(`col.${c}`))}>
          {grants.map((g) => (
            <tr key={g.id} data-testid="grant" data-id={g.id} data-application={g.applicationId} data-status={g.status}>
              <th scope="row">{g.id}</th>
              <td>{g.unit}</td>
              <td>{g.coordinates.map((c) => <code key={c} className="applications-coordinate">{c}</code>)}</td>
              <td>{purposeLabel(common, g.purpose)}</td>
              <td data-testid="grant-status">{enumLabel(t, "status", g.status)}{g.coordinated && <div className="hint">{t("coordinated")}</div>}</td>
              <td>{format.dateTime(g.grantedAt)}</td>
              <td>{g.validUntil}</td>
              <td>{g.revokedReason ?? ""}</td>
              <td>
                {g.status === "ACTIVE" && (
                  <ActionForm reasonLabel={t("revokeReasonFor", { id: g.id })} buttons={[{ label: t("revoke"), value: null, className: "danger" }]} run={(_, reason) => revoke.run({ id: g.id, reason })} />
                )}
              </td>
            </tr>
          ))}
    </TableFrame>
  );
}
