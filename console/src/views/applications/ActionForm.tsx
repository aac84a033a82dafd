import { useId, useState, type FormEvent } from "react";
import type { Answer, AnswerError } from "../../api/client.js";
import { ErrorList } from "../../components/ErrorList.js";
import { useRefresh } from "./refresh.js";

export interface ActionButton<V> {
  readonly label: string;
  readonly value: V;
  readonly className?: string;
}

/**
 * One action on one row, with its reason when it takes one: the gateway's coded refusal is
 * shown beside it (a blank reason is left for governance to refuse, so its code is what shows).
 */
export function ActionForm<V>({ reasonLabel, buttons, run }: {
  readonly reasonLabel?: string;
  readonly buttons: readonly ActionButton<V>[];
  readonly run: (value: V, reason: string) => Promise<Answer<unknown>>;
}) {
  const { changed } = useRefresh();
  const id = useId();
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<readonly AnswerError[]>([]);
  const [running, setRunning] = useState(false);
  const act = async (value: V): Promise<void> => {
    setRunning(true);
    try {
      const answer = await run(value, reason);
      setErrors(answer.errors);
      if (answer.errors.length === 0) {
        setReason("");
        changed();
      }
    } finally {
      setRunning(false);
    }
  };
  const submit = (event: FormEvent): void => event.preventDefault();
  return (
    <form className="applications-action" onSubmit={submit}>
      {reasonLabel && (
        <>
          <label htmlFor={id} className="sr-only">{reasonLabel}</label>
          <input id={id} name="reason" type="text" placeholder={reasonLabel} value={reason} onChange={(e) => setReason(e.target.value)} />
        </>
      )}
      {buttons.map((b) => (
        <button key={b.label} type="button" className={b.className} disabled={running} onClick={() => void act(b.value)}>{b.label}</button>
      ))}
      <ErrorList errors={errors} />
    </form>
  );
}
