import { useId, useState, type FormEvent } from "react";
import type { AnswerError } from "../../api/client.js";
import { useMutation } from "../../api/use-query.js";
import { ErrorList } from "../../components/ErrorList.js";
import { useFormat, useT } from "../../i18n/i18n.js";
import { ActionForm } from "./ActionForm.js";
import { APPLICATIONS_MESSAGES } from "./messages.js";
import { LIFT, SUSPEND, SUSPENSIONS_QUERY, type Suspension } from "./model.js";
import { useLiveQuery, useRefresh } from "./refresh.js";
import { Section } from "./Section.js";
import { TableFrame } from "./TableFrame.js";

const COLUMNS = ["unit", "status", "since", "until", "reason", "actions"] as const;

/** Art. 29: the cac-office suspends a unit for 6 months, or lifts it early, with a reason. */
export function SuspensionsSection() {
  const t = useT(APPLICATIONS_MESSAGES);
  const format = useFormat();
  const { loading, answer } = useLiveQuery<{ suspensions: Suspension[] }>(SUSPENSIONS_QUERY);
  const lift = useMutation(LIFT);
  const suspensions = answer?.data?.suspensions ?? [];
  return (
    <Section anchor="suspensions" title={t("suspensions.title")} loading={loading} answer={answer}>
      <SuspendForm />
      {answer?.data && suspensions.length === 0 && <p className="hint">{t("empty")}</p>}
      {suspensions.length > 0 && (
        <TableFrame label={t("suspensions.title")} headers={COLUMNS.map((c) => t(`col.${c}`))}>
              {suspensions.map((s) => (
                <tr key={s.id} data-testid="suspension" data-unit={s.unit} data-active={s.active}>
                  <th scope="row">{s.unit}</th>
                  <td data-testid="suspension-status">{s.active ? t("active") : t("ended")}</td>
                  <td>{format.dateTime(s.since)}</td>
                  <td>{s.until}</td>
                  <td>
                    {s.reason}
                    {s.liftedAt && <div className="hint">{t("liftedAt", { at: format.dateTime(s.liftedAt), reason: s.liftReason ?? "" })}</div>}
                  </td>
                  <td>
                    {s.active && <ActionForm reasonLabel={t("liftReasonFor", { unit: s.unit })} buttons={[{ label: t("lift"), value: null }]} run={(_, reason) => lift.run({ unit: s.unit, reason })} />}
                  </td>
                </tr>
              ))}
        </TableFrame>
      )}
    </Section>
  );
}

function SuspendForm() {
  const t = useT(APPLICATIONS_MESSAGES);
  const { changed } = useRefresh();
  const suspend = useMutation(SUSPEND);
  const unitId = useId();
  const reasonId = useId();
  const [unit, setUnit] = useState("");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<readonly AnswerError[]>([]);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const answer = await suspend.run({ unit: unit.trim(), reason });
    setErrors(answer.errors);
    if (answer.errors.length === 0) {
      setUnit("");
      setReason("");
      changed();
    }
  };
  return (
    <form className="filters applications-suspend" onSubmit={(e) => void submit(e)}>
      <div>
        <label htmlFor={unitId}>{t("suspendUnit")}</label>
        <input id={unitId} name="unit" type="text" value={unit} onChange={(e) => setUnit(e.target.value)} />
      </div>
      <div>
        <label htmlFor={reasonId}>{t("suspendReason")}</label>
        <input id={reasonId} name="reason" type="text" value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <button type="submit" className="danger" disabled={suspend.running}>{t("suspend")}</button>
      <ErrorList errors={errors} />
    </form>
  );
}
