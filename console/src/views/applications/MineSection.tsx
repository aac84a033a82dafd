import { useSession } from "../../api/session-context.js";
import { useMutation } from "../../api/use-query.js";
import { href, navigate, useRoute } from "../../app/router.js";
import { useT } from "../../i18n/i18n.js";
import { ActionForm } from "./ActionForm.js";
import { ApplicationTable } from "./ApplicationTable.js";
import { enumLabel } from "./labels.js";
import { APPLICATIONS_MESSAGES } from "./messages.js";
import { APPLICATION_STATUSES, APPLICATIONS_QUERY, canEscalate, ESCALATE, isOpen, WITHDRAW, type Application } from "./model.js";
import { useLiveQuery } from "./refresh.js";
import { Section } from "./Section.js";

/** The applications my unit filed: withdraw one still open, escalate one its provider rejected (Art. 21). */
export function MineSection() {
  const t = useT(APPLICATIONS_MESSAGES);
  const session = useSession();
  const route = useRoute();
  const status = APPLICATION_STATUSES.find((s) => s === route.params.get("status")) ?? null;
  const filter = { applicant: session.who.unit, ...(status ? { status: [status] } : {}) };
  const { loading, answer } = useLiveQuery<{ applications: Application[] }>(APPLICATIONS_QUERY, { filter });
  const withdraw = useMutation(WITHDRAW);
  const escalate = useMutation(ESCALATE);
  const actions = (a: Application) => (
    <>
      {isOpen(a) && <ActionForm buttons={[{ label: t("withdraw"), value: null, className: "secondary" }]} run={() => withdraw.run({ id: a.id })} />}
      {canEscalate(a) && <ActionForm reasonLabel={t("noteFor", { id: a.id })} buttons={[{ label: t("escalate"), value: null }]} run={(_, note) => escalate.run({ id: a.id, note: note || null })} />}
    </>
  );
  return (
    <Section anchor="mine" title={t("mine.title")} loading={loading} answer={answer}>
      <div className="filters">
        <label>
          {t("mine.status")}
          <select name="status" value={status ?? ""} onChange={(e) => navigate(href("applications", e.target.value ? { status: e.target.value } : {}))}>
            <option value="">{t("mine.allStatuses")}</option>
            {APPLICATION_STATUSES.map((s) => <option key={s} value={s}>{enumLabel(t, "status", s)}</option>)}
          </select>
        </label>
      </div>
      {answer?.data && <ApplicationTable label={t("mine.title")} applications={answer.data.applications} actions={actions} />}
    </Section>
  );
}
