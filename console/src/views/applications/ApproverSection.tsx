import { useSession } from "../../api/session-context.js";
import { useMutation } from "../../api/use-query.js";
import { useT } from "../../i18n/i18n.js";
import { ActionForm } from "./ActionForm.js";
import { ApplicationTable } from "./ApplicationTable.js";
import { GrantTable } from "./GrantTable.js";
import { APPLICATIONS_MESSAGES } from "./messages.js";
import { APPLICATIONS_QUERY, DECIDE, GRANTS_QUERY, isExternal, type Application, type Grant } from "./model.js";
import { useLiveQuery } from "./refresh.js";
import { Section } from "./Section.js";

/** Art. 21: my unit's approver answers applications for its fields within 5 working days, with a reason to reject. */
export function ApproverQueue() {
  const t = useT(APPLICATIONS_MESSAGES);
  const session = useSession();
  const { loading, answer } = useLiveQuery<{ applications: Application[] }>(APPLICATIONS_QUERY, { filter: { provider: session.who.unit, status: ["PENDING"] } });
  const decide = useMutation(DECIDE);
  const actions = (a: Application) =>
    isExternal(a.applicant) ? (
      <p className="hint">{t("approver.external")}</p>
    ) : (
      <ActionForm
        reasonLabel={t("reasonFor", { id: a.id })}
        buttons={[{ label: t("approve"), value: true }, { label: t("reject"), value: false, className: "danger" }]}
        run={(approve, reason) => decide.run({ id: a.id, approve, reason: reason || null })}
      />
    );
  return (
    <Section anchor="approver" title={t("approver.title")} loading={loading} answer={answer}>
      {answer?.data && <ApplicationTable label={t("approver.title")} applications={answer.data.applications} actions={actions} />}
    </Section>
  );
}

/** The grants my unit's fields are open by; its approver may revoke one, with a reason. */
export function ProvidedGrants() {
  const t = useT(APPLICATIONS_MESSAGES);
  const session = useSession();
  const { loading, answer } = useLiveQuery<{ grants: Grant[] }>(GRANTS_QUERY, { filter: { provider: session.who.unit } });
  return (
    <Section anchor="grants" title={t("grants.title")} loading={loading} answer={answer}>
      {answer?.data && <GrantTable label={t("grants.title")} grants={answer.data.grants} />}
    </Section>
  );
}
