import { useEffect, useState } from "react";
import { restoreSession, SessionProvider, useSessionState } from "../api/session-context.js";
import type { Session } from "../api/session.js";
import { I18nProvider, useI18n } from "../i18n/i18n.js";
import { Shell } from "./Shell.js";
import { SignIn } from "./SignIn.js";
import { current } from "./router.js";
import { preloadView } from "./views.js";

/**
 * Asked before React first renders: whether this tab is signed in already (a kept token, a
 * certificate), while the view the page opens at loads beside it.
 */
export function startSession(): Promise<Session | null> {
  const view = current().view;
  return Promise.all([restoreSession(), view ? preloadView(view) : undefined]).then(([session]) => session);
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
