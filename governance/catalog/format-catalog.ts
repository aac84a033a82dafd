import type { Catalog } from "./catalog.js";
import { catalogCsv } from "./catalog-csv.js";

export const CATALOG_FORMATS = ["json", "csv"] as const;
export type CatalogFormat = (typeof CATALOG_FORMATS)[number];

export function isCatalogFormat(value: string): value is CatalogFormat {
  return (CATALOG_FORMATS as readonly string[]).includes(value);
}

/** The catalog as text: JSON is the typed data itself, pretty; CSV one row per data item. */
export function formatCatalog(catalog: Catalog, format: CatalogFormat): string {
  return format === "json" ? `${JSON.stringify(catalog, null, 2)}\n` : catalogCsv(catalog);
}
