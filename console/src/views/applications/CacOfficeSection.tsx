import { useMutation } from "../../api/use-query.js";
import { useT } from "../../i18n/i18n.js";
import { ActionForm } from "./ActionForm.js";
import { ApplicationTable } from "./ApplicationTable.js";
import { APPLICATIONS_MESSAGES } from "./messages.js";
import { APPLICATIONS_QUERY, awaitsCacOffice, COORDINATE, OVERDUE_QUERY, type Application } from "./model.js";
import { useLiveQuery } from "./refresh.js";
import { Section } from "./Section.js";

/** Art. 21, 22, 23(4): the cac-office answers escalated and endorsed applications, always with its reason. */
export function CoordinationQueue() {
  const t = useT(APPLICATIONS_MESSAGES);
  const { loading, answer } = useLiveQuery<{ applications: Application[] }>(APPLICATIONS_QUERY, { filter: { status: ["ESCALATED", "PENDING"] } });
  const coordinate = useMutation(COORDINATE);
  const applications = (answer?.data?.applications ?? []).filter(awaitsCacOffice);
  const actions = (a: Application) => (
    <ActionForm
      reasonLabel={t("reasonFor", { id: a.id })}
      buttons={[{ label: t("approve"), value: true }, { label: t("reject"), value: false, className: "danger" }]}
      run={(approve, reason) => coordinate.run({ id: a.id, approve, reason })}
    />
  );
  return (
    <Section anchor="coordinate" title={t("cac.title")} loading={loading} answer={answer}>
      {answer?.data && <ApplicationTable label={t("cac.title")} applications={applications} actions={actions} />}
    </Section>
  );
}

/** SPEC §5: applications past their due day while awaiting an answer; they count against the provider. */
export function OverdueList() {
  const t = useT(APPLICATIONS_MESSAGES);
  const { loading, answer } = useLiveQuery<{ overdueApplications: Application[] }>(OVERDUE_QUERY);
  return (
    <Section anchor="overdue" title={t("overdue.title")} loading={loading} answer={answer}>
      {answer?.data && <ApplicationTable label={t("overdue.title")} applications={answer.data.overdueApplications} />}
    </Section>
  );
}
