import { useEffect, useRef, useState, type FormEvent } from "react";
import { PURPOSES, type AnswerError, type Purpose } from "../api/client.js";
import { useSession } from "../api/session-context.js";
import { useMutation } from "../api/use-query.js";
import { useI18n, useT } from "../i18n/i18n.js";
import { APPLY_MESSAGES } from "./apply-messages.js";
import { ErrorList } from "./ErrorList.js";

export interface ApplyRequest {
  readonly provider: string;
  readonly coordinates: readonly string[];
}

export interface FiledApplication {
  readonly id: string;
  readonly status: string;
  readonly dueBy: string;
  readonly provider: string;
  readonly coordinates: readonly string[];
}

const APPLY = `mutation Apply($input: ApplyInput!) {
  applyForAccess(input: $input) { id status dueBy provider coordinates }
}`;

/**
 * `applyForAccess` pre-filled from what a denial, explain or the catalog named: the catalog,
 * the explorer and the dashboard file applications through this one form.
 */
export function ApplyDialog({ request, onClose, onFiled }: { readonly request: ApplyRequest; readonly onClose: () => void; readonly onFiled?: (application: FiledApplication) => void }) {
  const t = useT(APPLY_MESSAGES);
  const common = useI18n().t;
  const session = useSession();
  const dialog = useRef<HTMLDialogElement>(null);
  const [coordinates, setCoordinates] = useState(request.coordinates.join("\n"));
  const [purpose, setPurpose] = useState<Purpose>(session.purpose);
  const [justification, setJustification] = useState("");
  const [validDays, setValidDays] = useState(365);
  const [errors, setErrors] = useState<readonly AnswerError[]>([]);
  const [filed, setFiled] = useState<FiledApplication | null>(null);
  const apply = useMutation<{ applyForAccess: FiledApplication }>(APPLY);

  useEffect(() => {
    // showModal: focus moves into the form, Esc closes it, the page behind is inert.
    dialog.current?.showModal();
  }, []);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const input = { coordinates: coordinates.split(/\s+/).filter(Boolean), purpose, justification, validDays };
    const answer = await apply.run({ input });
    const application = answer.data?.applyForAccess;
    setErrors(answer.errors);
    if (application) {
      setFiled(application);
      onFiled?.(application);
    }
  };

  return (
    <dialog ref={dialog} className="apply-dialog" aria-labelledby="apply-title" onClose={onClose}>
      <h2 id="apply-title">{t("title")}</h2>
      {filed ? (
        <div className="filed" role="status" data-testid="filed-application">
          <p>{t("filed", { id: filed.id })}</p>
          <dl>
            <dt>{t("status")}</dt>
            <dd>{filed.status}</dd>
            <dt>{t("dueBy")}</dt>
            <dd data-testid="due-by">{filed.dueBy}</dd>
            <dt>{t("provider")}</dt>
            <dd>{filed.provider}</dd>
          </dl>
          <ul className="coordinates">{filed.coordinates.map((c) => <li key={c}><code>{c}</code></li>)}</ul>
          <button type="button" onClick={() => dialog.current?.close()}>{common("common.close")}</button>
        </div>
      ) : (
        <form onSubmit={(e) => void submit(e)}>
          <p>{t("provider")}: <strong>{request.provider}</strong></p>
          <label htmlFor="apply-coordinates">{t("coordinates")}</label>
          <textarea id="apply-coordinates" name="coordinates" rows={Math.min(8, request.coordinates.length + 1)} required value={coordinates} onChange={(e) => setCoordinates(e.target.value)} />
          <label htmlFor="apply-purpose">{t("purpose")}</label>
          <select id="apply-purpose" name="purpose" value={purpose} onChange={(e) => setPurpose(e.target.value as Purpose)}>
            {PURPOSES.map((p) => <option key={p} value={p}>{common(`purpose.${p}`)}</option>)}
          </select>
          <label htmlFor="apply-justification">{t("justification")}</label>
          <textarea id="apply-justification" name="justification" rows={3} required value={justification} onChange={(e) => setJustification(e.target.value)} />
          <label htmlFor="apply-valid-days">{t("validDays")}</label>
          <input id="apply-valid-days" name="validDays" type="number" min={1} max={1095} required value={validDays} onChange={(e) => setValidDays(Number(e.target.value))} />
          <ErrorList errors={errors} />
          <div className="actions">
            <button type="submit" disabled={apply.running}>{t("submit")}</button>
            <button type="button" className="secondary" onClick={() => dialog.current?.close()}>{t("cancel")}</button>
          </div>
        </form>
      )}
    </dialog>
  );
}
