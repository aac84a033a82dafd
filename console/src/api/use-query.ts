import { useCallback, useEffect, useRef, useState } from "react";
import { ask, type Answer, type Credentials } from "./client.js";
import { useSession } from "./session-context.js";

export interface QueryState<T> {
  readonly loading: boolean;
  /** The latest answer (kept while a new one loads, so a table does not blink). */
  readonly answer: Answer<T> | null;
  reload(): void;
}

/** Answers asked for before the view that shows them rendered (prefetchQuery), each taken once. */
const prefetched = new Map<string, Promise<Answer<unknown>>>();
/** A prefetched answer nobody took (the user went elsewhere) is dropped: it would be stale. */
const PREFETCH_KEPT_MS = 10_000;

const requestKey = (credentials: Credentials, query: string, variablesJson: string): string =>
  JSON.stringify([credentials.token, credentials.purpose, query, variablesJson]);

/**
 * Sends a query a view will ask for at once, before it renders — beside the sign-in check at
 * start — so its first answer is on its way while the page loads; useQuery takes it.
 */
export function prefetchQuery(credentials: Credentials, query: string, variables: Record<string, unknown>): void {
  const key = requestKey(credentials, query, JSON.stringify(variables));
  prefetched.set(key, ask(credentials, query, variables));
  setTimeout(() => prefetched.delete(key), PREFETCH_KEPT_MS);
}

function takePrefetched<T>(key: string): Promise<Answer<T>> | undefined {
  const answer = prefetched.get(key);
  prefetched.delete(key);
  return answer as Promise<Answer<T>> | undefined;
}

/**
 * Runs a query as the signed-in session, again whenever the query, its variables or the
 * purpose change; an older answer arriving late never replaces a newer one.
 */
export function useQuery<T>(query: string | null, variables: Record<string, unknown> = {}): QueryState<T> {
  const session = useSession();
  const [state, setState] = useState<{ loading: boolean; answer: Answer<T> | null }>({ loading: query !== null, answer: null });
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (query === null) return;
    const id = ++latest.current;
    setState((s) => ({ ...s, loading: true }));
    const early = takePrefetched<T>(requestKey(session, query, key));
    void (early ?? ask<T>(session, query, JSON.parse(key) as Record<string, unknown>)).then((answer) => {
      if (id === latest.current) setState({ loading: false, answer });
    });
  }, [query, key, session, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}

/** A mutation as the signed-in session; `run` resolves with the whole answer (errors included). */
export function useMutation<T>(mutation: string): { readonly running: boolean; run(variables: Record<string, unknown>): Promise<Answer<T>> } {
  const session = useSession();
  const [running, setRunning] = useState(false);
  const run = useCallback(
    async (variables: Record<string, unknown>) => {
      setRunning(true);
      try {
        return await ask<T>(session, mutation, variables);
      } finally {
        setRunning(false);
      }
    },
    [session, mutation],
  );
  return { running, run };
}
