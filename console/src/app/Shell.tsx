import { Suspense } from "react";
import { PURPOSES, type Purpose } from "../api/client.js";
import { useSession, useSessionState } from "../api/session-context.js";
import { useI18n } from "../i18n/i18n.js";
import type { CommonKey } from "../i18n/messages.js";
import { href, Link, useRoute, VIEWS, type ViewName } from "./router.js";
import { preloadView, viewComponent } from "./views.js";

const NAV_LABELS: Readonly<Record<ViewName, CommonKey>> = {
  catalog: "nav.catalog",
  explorer: "nav.explorer",
  applications: "nav.applications",
  security: "nav.security",
  oversight: "nav.oversight",
  dashboard: "nav.dashboard",
};

export function Shell() {
  const { t, locale, setLocale } = useI18n();
  const session = useSession();
  const { signOut, setPurpose } = useSessionState();
  const route = useRoute();
  const View = route.view ? viewComponent(route.view) : null;
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">{t("app.title")}</span>
        <label className="purpose">
          {t("header.purpose")}
          <select name="purpose" value={session.purpose} onChange={(e) => setPurpose(e.target.value as Purpose)}>
            {PURPOSES.map((p) => (
              <option key={p} value={p}>{t(`purpose.${p}`)}</option>
            ))}
          </select>
        </label>
        <span className="whoami" data-testid="whoami" title={session.who.credential}>
          <span>{t("header.unit")}: <strong data-testid="whoami-unit">{session.who.unit}</strong></span>{" "}
          <span>{session.who.principal}</span>{" "}
          <span>{t("header.roles")}: {session.who.roles.join(", ") || t("common.none")}</span>
        </span>
        <button type="button" className="link" onClick={() => setLocale(locale === "zh-CN" ? "en" : "zh-CN")}>{t("header.language")}</button>
        <button type="button" onClick={signOut}>{t("header.signout")}</button>
      </header>
      <nav aria-label={t("nav.label")}>
        <ul>
          {VIEWS.map((v) => (
            <li key={v}>
              <Link href={href(v)} aria-current={route.view === v ? "page" : undefined} onPointerEnter={() => void preloadView(v)} onFocus={() => void preloadView(v)}>
                {t(NAV_LABELS[v])}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main className="view">
        <Suspense fallback={<p role="status">{t("common.loading")}</p>}>{View ? <View /> : <p>{t("common.notFound")}</p>}</Suspense>
      </main>
    </div>
  );
}
