import { useEffect, useState, type AnchorHTMLAttributes, type MouseEvent } from "react";

/** The console's views, each at /console/<name>; the gateway serves the page for every one. */
export const VIEWS = ["catalog", "explorer", "applications", "security", "oversight", "dashboard"] as const;
export type ViewName = (typeof VIEWS)[number];

const BASE = "/console/";

export interface Route {
  /** null: a path that names no view. */
  readonly view: ViewName | null;
  readonly params: URLSearchParams;
}

function current(): Route {
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
  useEffect(() => {
    const update = (): void => setRoute(current());
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
