import type { Catalog, CatalogResource, DataItem } from "./catalog.js";
import { byCodePoint } from "./code-point-order.js";
import { canonicalJson } from "./digest.js";

/** One attribute that differs: its name, the previous value and the next, typed together. */
export type AttributeChange<T> = { [K in keyof T]-?: { readonly attribute: K; readonly from: T[K]; readonly to: T[K] } }[keyof T];

export type ResourceAttributes = Omit<CatalogResource, "name" | "items">;
export type ItemAttributes = Omit<DataItem, "coordinate">;

export interface ResourceChange {
  readonly name: string;
  readonly changes: readonly AttributeChange<ResourceAttributes>[];
}

export interface ItemChange {
  readonly coordinate: string;
  readonly changes: readonly AttributeChange<ItemAttributes>[];
}

export interface Changes<C> {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly C[];
}

/** What a new catalog version changes (Art. 12): resources by name, items by coordinate, each sorted. */
export interface CatalogDiff {
  /** The two versions' digests. */
  readonly from: string;
  readonly to: string;
  readonly resources: Changes<ResourceChange>;
  /** Every item of an added or removed resource is listed here too: an item is what a user reads. */
  readonly items: Changes<ItemChange>;
}

// Records, not lists: adding an attribute to the catalog does not compile until it is listed here.
const RESOURCE_ATTRIBUTES = keysOf<keyof ResourceAttributes>({
  description: true,
  category: true,
  updateFrequency: true,
  owner: true,
  contributors: true,
  accessPoints: true,
});
const ITEM_ATTRIBUTES = keysOf<keyof ItemAttributes>({
  description: true,
  owner: true,
  updateFrequency: true,
  format: true,
  sharingClass: true,
  scope: true,
  purposes: true,
  conditions: true,
  basis: true,
  sharingMethod: true,
});

/** Compares two catalogs. Pure. */
export function diffCatalogs(previous: Catalog, next: Catalog): CatalogDiff {
  const items = (catalog: Catalog): DataItem[] => catalog.resources.flatMap((r) => r.items);
  return {
    from: previous.digest,
    to: next.digest,
    resources: diffBy(previous.resources, next.resources, (r) => r.name, (a, b) => ({
      name: a.name,
      changes: changedAttributes(a, b, RESOURCE_ATTRIBUTES),
    })),
    items: diffBy(items(previous), items(next), (i) => i.coordinate, (a, b) => ({
      coordinate: a.coordinate,
      changes: changedAttributes(a, b, ITEM_ATTRIBUTES),
    })),
  };
}

function diffBy<T, C extends { readonly changes: readonly unknown[] }>(
  before: readonly T[],
  after: readonly T[],
  key: (entry: T) => string,
  compare: (a: T, b: T) => C,
): Changes<C> {
  const old = new Map(before.map((e) => [key(e), e]));
  const now = new Map(after.map((e) => [key(e), e]));
  const sorted = (keys: Iterable<string>): string[] => [...keys].sort(byCodePoint);
  return {
    added: sorted([...now.keys()].filter((k) => !old.has(k))),
    removed: sorted([...old.keys()].filter((k) => !now.has(k))),
    changed: sorted([...now.keys()].filter((k) => old.has(k)))
      .map((k) => compare(old.get(k)!, now.get(k)!))
      .filter((c) => c.changes.length > 0),
  };
}

function changedAttributes<T extends object, K extends keyof T>(before: T, after: T, attributes: readonly K[]): AttributeChange<Pick<T, K>>[] {
  return attributes
    .filter((attribute) => canonicalJson(before[attribute]) !== canonicalJson(after[attribute]))
    .map((attribute) => ({ attribute, from: before[attribute], to: after[attribute] }) as AttributeChange<Pick<T, K>>);
}

function keysOf<K extends string>(record: Record<K, true>): K[] {
  return Object.keys(record) as K[];
}
