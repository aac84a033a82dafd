import { useEffect, useState } from "react";
import { restoreSession, SessionProvider, useSessionState } from "../api/session-context.js";
import type { Session } from "../api/session.js";
import { I18nProvider, useI18n } from "../i18n/i18n.js";
import { Shell } from "./Shell.js";
import { SignIn } from "./SignIn.js";
import { storedPurpose, storedToken } from "../api/session.js";
import { prefetchFirstQuery } from "./first-queries.js";
import { current } from "./router.js";
import { preloadView } from "./views.js";

/**
 * Asked before React first renders: whether this tab is signed in already (a kept token, a
 * certificate), while the view the page opens at loads beside it.
 */
export function startSession(): Promise<Session | null> {
  const route = current();
  const token = storedToken();
  // Without a kept token only a client certificate (https) can sign in: otherwise the form shows, and nothing is asked.
  if (token !== null || location.protocol === "https:") prefetchFirstQuery(route, { token, purpose: storedPurpose() });
  return Promise.all([restoreSession(), route.view ? preloadView(route.view) : undefined]).then(([session]) => session);
}

export function App({ starting }: { readonly starting: Promise<Session | null> }) {
  // undefined: still asking.
  const [initial, setInitial] = useState<Session | null | undefined>(undefined);
  useEffect(() => {
    void starting.then(setInitial);
  }, [starting]);
  return (
    <I18nProvider>
      {initial === undefined ? <Loading /> : (
        <SessionProvider initial={initial}>
          <Signed />
        </SessionProvider>
      )}
    </I18nProvider>
  );
}

function Loading() {
  const { t } = useI18n();
  return <p className="loading" role="status">{t("common.loading")}</p>;
}

/** Signed out, a visitor sees the sign-in form and nothing else. */
function Signed() {
  const { session } = useSessionState();
  return session ? <Shell /> : <SignIn />;
}
