import { hasRole, ROLE, type Actor } from "./actor.js";
import type { Catalog } from "./catalog/catalog.js";
import { byCodePoint } from "./catalog/code-point-order.js";
import { diffCatalogs, type CatalogDiff } from "./catalog/diff-catalogs.js";
import { refuse, type Refusal } from "./refusal.js";

export const CATALOG_VERSION_STATUSES = ["DRAFT", "PUBLISHED"] as const;
export type CatalogVersionStatus = (typeof CATALOG_VERSION_STATUSES)[number];

/** A catalog change awaits its unit's confirmation until its approver gives it (Art. 12). */
export const CATALOG_CHANGE_STATUSES = ["AWAITING_CONFIRMATION", "CONFIRMED"] as const;
export type CatalogChangeStatus = (typeof CATALOG_CHANGE_STATUSES)[number];

/** Art. 12: a unit brings its catalog up to date within 15 working days of the change. */
export const CATALOG_UPDATE_WORKING_DAYS = 15;

/** A catalog version to record: its diff against the previous one, and what it changed of each unit. */
export interface NewCatalogVersion {
  /** Null for the first version: there is nothing to compare it with. */
  readonly diff: CatalogDiff | null;
  /** Unit → the resources and items of it the version adds, removes or changes, sorted. */
  readonly changedUnits: ReadonlyMap<string, readonly string[]>;
}

/**
 * Whether a catalog makes a new version after `previous` (Art. 12: every schema change does),
 * and what it changes of whom. Null when its content is the same. Pure.
 */
export function nextCatalogVersion(previous: Catalog | null, next: Catalog): NewCatalogVersion | null {
  // The first catalog is the starting point, not a change a unit must catch up with.
  if (!previous) return { diff: null, changedUnits: new Map() };
  if (previous.digest === next.digest) return null;
  const diff = diffCatalogs(previous, next);
  return { diff, changedUnits: changedSubjects(previous, next, diff) };
}

/** A changed subject is the unit's before and after: an item or resource that changes hands concerns both. */
function changedSubjects(previous: Catalog, next: Catalog, diff: CatalogDiff): Map<string, string[]> {
  const before = subjectOwners(previous);
  const after = subjectOwners(next);
  const changed = [...diff.resources.changed.map((c) => c.name), ...diff.items.changed.map((c) => c.coordinate)];
  const byUnit = new Map<string, Set<string>>();
  const concern = (owners: ReadonlyMap<string, string>, subjects: readonly string[]): void => {
    for (const subject of subjects) {
      const unit = owners.get(subject)!;
      byUnit.set(unit, (byUnit.get(unit) ?? new Set<string>()).add(subject));
    }
  };
  concern(after, [...diff.resources.added, ...diff.items.added, ...changed]);
  concern(before, [...diff.resources.removed, ...diff.items.removed, ...changed]);
  return new Map([...byUnit].sort(([a], [b]) => byCodePoint(a, b)).map(([unit, subjects]) => [unit, [...subjects].sort(byCodePoint)]));
}

/** Resource names and item coordinates to their owners (a coordinate has a dot, a name none, so they never clash). */
function subjectOwners(catalog: Catalog): Map<string, string> {
  return new Map([
    ...catalog.resources.map((r) => [r.name, r.owner] as const),
    ...catalog.resources.flatMap((r) => r.items.map((i) => [i.coordinate, i.owner] as const)),
  ]);
}

/** Art. 11: the leading group publishes a draft, newer than the version published last. */
export function checkPublication(version: { readonly version: number; readonly status: CatalogVersionStatus }, latestPublished: number | null, actor: Actor): { readonly ok: true } | Refusal {
  if (!hasRole(actor, ROLE.leadingGroup)) return refuse("FORBIDDEN", "only the leading group publishes the catalog (Art. 11)");
  if (version.status !== "DRAFT") return refuse("INVALID_TRANSITION", `catalog version ${version.version} is ${version.status}, not DRAFT`);
  if (latestPublished !== null && latestPublished > version.version) {
    return refuse("INVALID_TRANSITION", `catalog version ${latestPublished} is already published; an older draft cannot replace it`);
  }
  return { ok: true };
}

/** Art. 12: the unit's approver confirms its catalog is up to date after a change, once. */
export function checkConfirmation(change: { readonly unit: string; readonly confirmed: boolean }, actor: Actor): { readonly ok: true } | Refusal {
  if (actor.unit !== change.unit || !hasRole(actor, ROLE.approver)) {
    return refuse("FORBIDDEN", `only an approver of ${change.unit} confirms its catalog update (Art. 12)`);
  }
  if (change.confirmed) return refuse("INVALID_TRANSITION", `${change.unit} has already confirmed this catalog update`);
  return { ok: true };
}
