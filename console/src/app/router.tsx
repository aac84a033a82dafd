import { startTransition, useEffect, useRef, useState, type AnchorHTMLAttributes, type MouseEvent } from "react";

/** The console's views, each at /console/<name>; the gateway serves the page for every one. */
export const VIEWS = ["catalog", "explorer", "applications", "security", "oversight", "dashboard"] as const;
export type ViewName = (typeof VIEWS)[number];

const BASE = "/console/";

export interface Route {
  /** null: a path that names no view. */
  readonly view: ViewName | null;
  readonly params: URLSearchParams;
}

/** The route the page was opened at, or moved to last. */
export function current(): Route {
  const name = location.pathname.startsWith(BASE) ? location.pathname.slice(BASE.length).replace(/\/$/, "") : "";
  const view = name === "" ? "catalog" : (VIEWS.find((v) => v === name) ?? null);
  return { view, params: new URLSearchParams(location.search) };
}

export function href(view: ViewName, params?: Readonly<Record<string, string>>): string {
  const search = params ? new URLSearchParams(params).toString() : "";
  return `${BASE}${view}${search ? `?${search}` : ""}`;
}

export function navigate(to: string): void {
  history.pushState(null, "", to);
  dispatchEvent(new PopStateEvent("popstate"));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(current);
  const shown = useRef(route);
  useEffect(() => {
    const update = (): void => {
      const next = current();
      const sameView = next.view === shown.current.view;
      shown.current = next;
      // Another view: a transition, so the view shown stays until the next one's chunk is in,
      // instead of a loading fallback React would then hold for up to 300 ms. The same view
      // with other parameters (a filter): at once, so a form never reads parameters it has
      // already changed.
      if (sameView) setRoute(next);
      else startTransition(() => setRoute(next));
    };
    addEventListener("popstate", update);
    return () => removeEventListener("popstate", update);
  }, []);
  return route;
}

/** A link within the console: a real <a href> (opens in a new tab, keyboard-usable), followed without a reload. */
export function Link(props: AnchorHTMLAttributes<HTMLAnchorElement> & { readonly href: string }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>): void => {
    props.onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(props.href);
  };
  return <a {...props} onClick={onClick} />;
}
