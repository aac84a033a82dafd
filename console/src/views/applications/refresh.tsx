import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useQuery, type QueryState } from "../../api/use-query.js";

interface Refresh {
  /** Bumped after every successful action: one decision changes several lists (queue, grants, notifications). */
  readonly tick: number;
  changed(): void;
}

const RefreshContext = createContext<Refresh>({ tick: 0, changed: () => undefined });

export function RefreshProvider({ children }: { readonly children: ReactNode }) {
  const [tick, setTick] = useState(0);
  const changed = useCallback(() => setTick((n) => n + 1), []);
  const value = useMemo(() => ({ tick, changed }), [tick, changed]);
  return <RefreshContext.Provider value={value}>{children}</RefreshContext.Provider>;
}

export const useRefresh = (): Refresh => useContext(RefreshContext);

/** useQuery, asked again whenever any action of the view succeeded. */
export function useLiveQuery<T>(query: string, variables: Record<string, unknown> = {}): QueryState<T> {
  const state = useQuery<T>(query, variables);
  const { tick } = useRefresh();
  const first = useRef(tick);
  const { reload } = state;
  useEffect(() => {
    if (tick !== first.current) reload();
  }, [tick, reload]);
  return state;
}
