import type { CatalogFlag, CatalogResource } from "./catalog.js";
import { byCodePoint } from "./code-point-order.js";

/**
 * The business-data categories Art. 16 says are shared unconditionally: 16(1) by name, and
 * 16(2) licensing, office work and what local departments report upwards.
 */
export const ART16_CATEGORIES: ReadonlySet<string> = new Set([
  "大气环境管理",
  "水环境管理",
  "土壤环境管理",
  "污染源管理",
  "自然生态保护",
  "环境监察执法",
  "核与辐射安全管理",
  "综合政务管理",
  "行政许可",
  "行政办公",
  "地方上报",
]);

/**
 * Items that are business data yet not UNCONDITIONAL. Art. 16 speaks of the business
 * information a unit holds, so the item's owner decides, not the resource it sits on:
 * `Enterprise.inspections` is enforcement's business data on info-center's resource.
 * A stated basis does not clear an item: the leading group reviews each one (Art. 11).
 */
export function businessDataFlags(resources: readonly CatalogResource[]): CatalogFlag[] {
  const categoryOf = businessCategoryByUnit(resources);
  return resources.flatMap((resource) =>
    resource.items.flatMap((item): CatalogFlag[] => {
      const category = categoryOf.get(item.owner);
      if (!category || !item.sharingClass || item.sharingClass === "UNCONDITIONAL") return [];
      const basis = item.basis ? "on a stated basis" : "without a basis";
      return [
        {
          code: "BUSINESS_DATA_NOT_UNCONDITIONAL",
          subject: item.coordinate,
          owner: item.owner,
          message: `is ${category} business data (Art. 16: shared unconditionally) but classed ${item.sharingClass}, ${basis}`,
        },
      ];
    }),
  );
}

/** A unit's business-data category: the first, by code point, of the Art. 16 categories of the resources it leads. */
function businessCategoryByUnit(resources: readonly CatalogResource[]): Map<string, string> {
  const categories = new Map<string, string>();
  for (const { owner, category } of resources) {
    if (!category || !ART16_CATEGORIES.has(category)) continue;
    const known = categories.get(owner);
    if (!known || byCodePoint(category, known) < 0) categories.set(owner, category);
  }
  return categories;
}
