import { lazy, type ComponentType } from "react";
import type { ViewName } from "./router.js";

// Each view is its own chunk: the first screen loads the shell and the view it shows only.
const LOADERS: Readonly<Record<ViewName, () => Promise<{ default: ComponentType }>>> = {
  catalog: () => import("../views/catalog/CatalogView.js"),
  explorer: () => import("../views/explorer/ExplorerView.js"),
  applications: () => import("../views/applications/ApplicationsView.js"),
  security: () => import("../views/security/SecurityView.js"),
  oversight: () => import("../views/oversight/OversightView.js"),
  dashboard: () => import("../views/dashboard/DashboardView.js"),
};

const loaded = new Map<ViewName, ComponentType>();
const lazyViews = new Map<ViewName, ComponentType>();

/**
 * Loads a view's chunk — at start, beside the sign-in check, which waits for both — so that
 * the shell renders the view itself rather than suspending on it: React holds a suspended
 * boundary's content back for up to 300 ms once its fallback shows, which made the access
 * log's first page wait ~350 ms more (npm run bench -- console). Never rejects: a chunk that
 * fails to load is reported by the lazy component when rendered.
 */
export async function preloadView(view: ViewName): Promise<void> {
  if (loaded.has(view)) return;
  try {
    loaded.set(view, (await LOADERS[view]()).default);
  } catch {
    // reported by the lazy component
  }
}

/** The view's component: itself once its chunk is in, else a lazy one (the shell's Suspense shows loading). */
export function viewComponent(view: ViewName): ComponentType {
  const ready = loaded.get(view);
  if (ready) return ready;
  let component = lazyViews.get(view);
  if (!component) {
    component = lazy(LOADERS[view]);
    lazyViews.set(view, component);
  }
  return component;
}
