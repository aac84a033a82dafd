import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { ask, type Answer, type Purpose } from "./client.js";
import { storedPurpose, storedToken, storePurpose, storeToken, WHOAMI, type Session, type Whoami } from "./session.js";

export interface SessionState {
  /** Null while signed out. */
  readonly session: Session | null;
  /** Asks `whoami` with the token (null: the browser's client certificate); the answer's errors when it is refused. */
  signIn(token: string | null): Promise<Answer<{ whoami: Whoami }>>;
  signOut(): void;
  setPurpose(purpose: Purpose): void;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ initial, children }: { readonly initial: Session | null; readonly children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(initial);
  const signIn = useCallback(async (token: string | null) => {
    const purpose = storedPurpose();
    const answer = await ask<{ whoami: Whoami }>({ token, purpose }, WHOAMI);
    const who = answer.data?.whoami;
    if (who) {
      storeToken(token);
      setSession({ token, purpose, who });
    }
    return answer;
  }, []);
  const signOut = useCallback(() => {
    storeToken(null);
    setSession(null);
  }, []);
  const setPurpose = useCallback((purpose: Purpose) => {
    storePurpose(purpose);
    setSession((s) => (s ? { ...s, purpose } : s));
  }, []);
  const value = useMemo(() => ({ session, signIn, signOut, setPurpose }), [session, signIn, signOut, setPurpose]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSessionState(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error("useSessionState outside SessionProvider");
  return state;
}

/** The signed-in session: views are only rendered inside the shell, once signed in. */
export function useSession(): Session {
  const { session } = useSessionState();
  if (!session) throw new Error("useSession while signed out");
  return session;
}

/**
 * At load: a token kept in this tab, or else the client certificate (under --tls the browser
 * sends it unasked); null when neither is accepted: the sign-in form.
 */
export async function restoreSession(): Promise<Session | null> {
  const token = storedToken();
  const purpose = storedPurpose();
  const answer = await ask<{ whoami: Whoami }>({ token, purpose }, WHOAMI);
  const who = answer.data?.whoami;
  if (who) return { token, purpose, who };
  if (token) storeToken(null);
  return null;
}
