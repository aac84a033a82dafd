import { useState, type FormEvent } from "react";
import type { AnswerError } from "../api/client.js";
import { useSessionState } from "../api/session-context.js";
import { ErrorList } from "../components/ErrorList.js";
import { useI18n } from "../i18n/i18n.js";

export function SignIn() {
  const { t, locale, setLocale } = useI18n();
  const { signIn } = useSessionState();
  const [token, setToken] = useState("");
  const [errors, setErrors] = useState<readonly AnswerError[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent, withToken: boolean): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    const answer = await signIn(withToken ? token.trim() : null);
    setBusy(false);
    if (!answer.data) setErrors(answer.errors);
  };

  return (
    <main className="signin">
      <h1>{t("app.title")}</h1>
      <form onSubmit={(e) => void submit(e, true)} aria-labelledby="signin-heading">
        <h2 id="signin-heading">{t("signin.heading")}</h2>
        <label htmlFor="token">{t("signin.token")}</label>
        <input id="token" type="password" name="token" autoComplete="off" required value={token} onChange={(e) => setToken(e.target.value)} />
        <p className="hint">{t("signin.hint")}</p>
        <button type="submit" disabled={busy}>{t("signin.submit")}</button>
        {location.protocol === "https:" && (
          <button type="button" className="secondary" disabled={busy} onClick={(e) => void submit(e, false)}>
            {t("signin.certificate")}
          </button>
        )}
        {errors.length > 0 && <ErrorList title={t("signin.failed")} errors={errors} />}
      </form>
      <button type="button" className="link" onClick={() => setLocale(locale === "zh-CN" ? "en" : "zh-CN")}>{t("header.language")}</button>
    </main>
  );
}
