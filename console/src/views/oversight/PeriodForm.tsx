import type { FormEvent } from "react";
import { navigate } from "../../app/router.js";
import { useT } from "../../i18n/i18n.js";
import { OVERSIGHT_MESSAGES } from "./messages.js";
import { PERIODS, type Period } from "./queries.js";
import { oversightHref, type OversightState } from "./state.js";

/** The period kind, the day range and the unit; submitting puts them in the URL. */
export function PeriodForm({ state, units }: { readonly state: OversightState; readonly units: readonly string[] }) {
  const t = useT(OVERSIGHT_MESSAGES);
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string): string | null => {
      const value = data.get(name);
      return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
    };
    navigate(oversightHref({ period: (text("period") ?? state.period) as Period, from: text("from") ?? state.from, to: text("to"), unit: text("unit") }));
  };
  const choices = state.unit && !units.includes(state.unit) ? [...units, state.unit].sort() : units;
  return (
    <form className="filters oversight-form" aria-label={t("form.label")} onSubmit={submit} key={JSON.stringify(state)}>
      <label>
        {t("form.period")}
        <select name="period" defaultValue={state.period}>
          {PERIODS.map((p) => <option key={p} value={p}>{t(`period.${p}`)}</option>)}
        </select>
      </label>
      <label>
        {t("form.from")}
        <input type="date" name="from" required defaultValue={state.from} />
      </label>
      <label>
        {t("form.to")}
        <input type="date" name="to" defaultValue={state.to ?? ""} />
      </label>
      <label>
        {t("form.unit")}
        <select name="unit" defaultValue={state.unit ?? ""}>
          <option value="">{t("form.allUnits")}</option>
          {choices.map((u) => <option key={u} value={u}>{u}</option>)}
        </select>
      </label>
      <button type="submit">{t("form.show")}</button>
    </form>
  );
}
