import type { Catalog, DataItem } from "./catalog/catalog.js";
import { byCodePoint } from "./catalog/code-point-order.js";
import { isBlank } from "./refusal.js";
import { ratioOf, type Ratio } from "./ratio.js";

/** What a unit's part of a catalog says about its sharing (Art. 28), measured from the catalog alone. */
export interface CatalogFigures {
  /** Its items classed UNCONDITIONAL or CONDITIONAL, out of all its items (Art. 4(1): sharing is the rule). */
  readonly shareRatio: Ratio;
  /** Its items whose entry is complete (see isCompleteItem), out of all its items (Art. 10). */
  readonly catalogCompleteness: Ratio;
  /** Its resources that state an update frequency, out of all it leads (Art. 7(2)). */
  readonly resourcesWithFrequency: Ratio;
}

export function catalogFigures(catalog: Catalog | null, unit: string): CatalogFigures {
  const resources = catalog?.resources ?? [];
  const items = resources.flatMap((r) => r.items).filter((i) => i.owner === unit);
  return {
    shareRatio: ratioOf(items, (i) => i.sharingClass === "UNCONDITIONAL" || i.sharingClass === "CONDITIONAL"),
    catalogCompleteness: ratioOf(items, isCompleteItem),
    resourcesWithFrequency: ratioOf(resources.filter((r) => r.owner === unit), (r) => r.updateFrequency !== null),
  };
}

/**
 * An item's entry is complete when it has a class, a description and an update frequency,
 * and states its usage terms: purposes for a shared item (Art. 17), the legal basis for a
 * NOT_SHARED one (Art. 18) — which has no purposes by design, so none are asked of it.
 */
export function isCompleteItem(item: DataItem): boolean {
  if (item.sharingClass === null || isBlank(item.description) || item.updateFrequency === null) return false;
  return item.sharingClass === "NOT_SHARED" ? !isBlank(item.basis) : item.purposes.length > 0;
}

/** The units that own items in a catalog: the providers an evaluation covers. */
export function catalogProviders(catalog: Catalog): string[] {
  return [...new Set(catalog.resources.flatMap((r) => r.items.map((i) => i.owner)))].sort(byCodePoint);
}
