import type { FormEvent } from "react";
import { PURPOSES } from "../../api/client.js";
import { navigate } from "../../app/router.js";
import { useI18n, useT } from "../../i18n/i18n.js";
import { DECISIONS, fromLocalInput, PAGE_SIZES, securityHref, toLocalInput, type LogFilter, type SecurityState } from "./filter.js";
import { SECURITY_MESSAGES } from "./messages.js";

/**
 * Every condition of AccessLogFilter, as a form: submitting it puts the filter in the URL,
 * and the URL is what every panel reads. Keyed by the URL's filter so a link (a request id,
 * a denied coordinate) refills it.
 */
export function AccessLogFilters({ state, units, owners }: { readonly state: SecurityState; readonly units: readonly string[]; readonly owners: readonly string[] }) {
  const t = useT(SECURITY_MESSAGES);
  const common = useI18n().t;
  const f = state.filter;

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string): string | undefined => {
      const value = data.get(name);
      return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
    };
    const filter: LogFilter = {
      unit: text("unit"),
      owner: text("owner"),
      coordinate: text("coordinate"),
      decision: text("decision"),
      purpose: text("purpose"),
      requestId: text("requestId"),
      from: fromLocalInput(text("from") ?? ""),
      to: fromLocalInput(text("to") ?? ""),
    };
    navigate(securityHref({ ...state, filter, trail: [], first: Number(text("first") ?? state.first) }));
  };

  return (
    <form className="filters security-filters" aria-label={t("filters.label")} onSubmit={submit} key={JSON.stringify([f, state.first])}>
      <label>
        {t("filters.unit")}
        <input name="unit" defaultValue={f.unit ?? ""} list="security-units" autoComplete="off" />
      </label>
      <label>
        {t("filters.owner")}
        <input name="owner" defaultValue={f.owner ?? ""} list="security-owners" autoComplete="off" />
      </label>
      <label>
        {t("filters.coordinate")}
        <input name="coordinate" defaultValue={f.coordinate ?? ""} placeholder={t("filters.coordinatePlaceholder")} autoComplete="off" />
      </label>
      <label>
        {t("filters.decision")}
        <select name="decision" defaultValue={f.decision ?? ""}>
          <option value="">{t("filters.any")}</option>
          {DECISIONS.map((d) => (
            <option key={d} value={d}>{t(`decision.${d}`)} {d}</option>
          ))}
        </select>
      </label>
      <label>
        {t("filters.purpose")}
        <select name="purpose" defaultValue={f.purpose ?? ""}>
          <option value="">{t("filters.any")}</option>
          {PURPOSES.map((p) => (
            <option key={p} value={p}>{common(`purpose.${p}`)}</option>
          ))}
        </select>
      </label>
      <label>
        {t("filters.requestId")}
        <input name="requestId" defaultValue={f.requestId ?? ""} size={38} autoComplete="off" spellCheck={false} />
      </label>
      <label>
        {t("filters.from")}
        <input type="datetime-local" name="from" step={1} defaultValue={toLocalInput(f.from)} />
      </label>
      <label>
        {t("filters.to")}
        <input type="datetime-local" name="to" step={1} defaultValue={toLocalInput(f.to)} />
      </label>
      <label>
        {t("filters.pageSize")}
        <select name="first" defaultValue={String(state.first)}>
          {PAGE_SIZES.map((s) => (
            <option key={s} value={s}>{s}</option>
          ))}
        </select>
      </label>
      <div className="security-filter-actions">
        <button type="submit">{t("filters.apply")}</button>
        <button type="button" className="secondary" onClick={() => navigate(securityHref({ ...state, filter: {}, trail: [] }))}>
          {t("filters.clear")}
        </button>
      </div>
      <datalist id="security-units">
        {units.map((u) => <option key={u} value={u} />)}
      </datalist>
      <datalist id="security-owners">
        {owners.map((o) => <option key={o} value={o} />)}
      </datalist>
    </form>
  );
}
