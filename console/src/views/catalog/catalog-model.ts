import { PURPOSES } from "../../api/client.js";

export const CATALOG_QUERY = `query Catalog {
  catalog {
    version digest status published recordedAt publishedAt
    problems { code subject owner message }
    flags { code subject owner message }
    resources {
      name description category updateFrequency owner contributors
      accessPoints { coordinate signature }
      items {
        coordinate description owner updateFrequency sharingClass scope purposes
        conditions { approval mask }
        basis sharingMethod
        format { type kind resource }
        access { decision reason apply { provider coordinates firstStatus workingDays } }
      }
    }
  }
}`;

export type Decision = "ALLOWED" | "MASKED" | "DENIED";

export interface HowToApply {
  readonly provider: string;
  readonly coordinates: readonly string[];
  readonly firstStatus: string;
  readonly workingDays: number;
}

export interface CatalogItem {
  readonly coordinate: string;
  readonly description: string | null;
  readonly owner: string;
  readonly updateFrequency: string | null;
  readonly sharingClass: string | null;
  readonly scope: readonly string[];
  readonly purposes: readonly string[];
  readonly conditions: { readonly approval: boolean; readonly mask: string } | null;
  readonly basis: string | null;
  readonly sharingMethod: string;
  readonly format: { readonly type: string; readonly kind: string; readonly resource: string | null };
  readonly access: { readonly decision: Decision; readonly reason: string; readonly apply: HowToApply | null };
}

export interface CatalogResource {
  readonly name: string;
  readonly description: string | null;
  readonly category: string | null;
  readonly updateFrequency: string | null;
  readonly owner: string;
  readonly contributors: readonly string[];
  readonly accessPoints: readonly { readonly coordinate: string; readonly signature: string }[];
  readonly items: readonly CatalogItem[];
}

export interface CatalogProblem {
  readonly code: string;
  readonly subject: string;
  readonly owner: string | null;
  readonly message: string;
}

export interface Catalog {
  readonly version: number;
  readonly digest: string;
  readonly status: "DRAFT" | "PUBLISHED";
  readonly published: boolean;
  readonly recordedAt: string;
  readonly publishedAt: string | null;
  readonly problems: readonly CatalogProblem[];
  readonly flags: readonly CatalogProblem[];
  readonly resources: readonly CatalogResource[];
}

export const SHARE_CLASSES = ["UNCONDITIONAL", "CONDITIONAL", "NOT_SHARED", "UNCLASSIFIED"] as const;
export type ClassFilter = (typeof SHARE_CLASSES)[number];
export const ACCESS_FILTERS = ["readable", "unreadable"] as const;
export type AccessFilter = (typeof ACCESS_FILTERS)[number];

/** The catalog's filters, as the URL's query carries them (so a filtered catalog can be linked). */
export interface CatalogFilters {
  readonly unit: string | null;
  readonly class: ClassFilter | null;
  readonly purpose: string | null;
  readonly access: AccessFilter | null;
}

export const FILTER_PARAMS = ["unit", "class", "purpose", "access"] as const;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return values.find((v) => v === value) ?? null;
}

/** Unknown values in a hand-edited link are ignored rather than filtering everything out. */
export function filtersFrom(params: URLSearchParams): CatalogFilters {
  return {
    unit: params.get("unit") || null,
    class: oneOf(SHARE_CLASSES, params.get("class")),
    purpose: oneOf(PURPOSES, params.get("purpose")),
    access: oneOf(ACCESS_FILTERS, params.get("access")),
  };
}

export function filtersToParams(filters: CatalogFilters): Record<string, string> {
  const params: Record<string, string> = {};
  for (const key of FILTER_PARAMS) {
    const value = filters[key];
    if (value) params[key] = value;
  }
  return params;
}

/** "Readable now" means served unmasked: a MASKED item still has an application that opens it. */
export const readableNow = (item: CatalogItem): boolean => item.access.decision === "ALLOWED";

export function matches(item: CatalogItem, filters: CatalogFilters): boolean {
  if (filters.unit && item.owner !== filters.unit) return false;
  if (filters.class && (item.sharingClass ?? "UNCLASSIFIED") !== filters.class) return false;
  if (filters.purpose && !item.purposes.includes(filters.purpose)) return false;
  if (filters.access === "readable" && !readableNow(item)) return false;
  if (filters.access === "unreadable" && readableNow(item)) return false;
  return true;
}

/** Each resource with its matching items; resources left without any are dropped. */
export function filterCatalog(resources: readonly CatalogResource[], filters: CatalogFilters): CatalogResource[] {
  return resources.map((r) => ({ ...r, items: r.items.filter((i) => matches(i, filters)) })).filter((r) => r.items.length > 0);
}

/** The units that own items, for the unit filter: taken from the catalog, never a fixed list. */
export function itemOwners(resources: readonly CatalogResource[]): string[] {
  return [...new Set(resources.flatMap((r) => r.items.map((i) => i.owner)))].sort();
}
