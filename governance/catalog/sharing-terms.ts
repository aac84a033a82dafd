import { SHARE_PURPOSES, type ShareRule } from "../../directives/share/rule.js";
import { byCodePoint } from "./code-point-order.js";
import type { DataItem } from "./catalog.js";

export type SharingTerms = Pick<DataItem, "sharingClass" | "scope" | "purposes" | "conditions" | "basis" | "sharingMethod">;

/**
 * A field's `@share` as the catalog states it (Art. 15, 17, 18). Scope and purposes are sets:
 * they are sorted, so reordering them in a schema is no change of the catalog.
 */
export function sharingTerms(rule: ShareRule | null): SharingTerms {
  if (!rule) return { sharingClass: null, scope: [], purposes: [], conditions: null, basis: null, sharingMethod: "not served to other units: unclassified" };
  const conditional = rule.class === "CONDITIONAL";
  return {
    sharingClass: rule.class,
    scope: conditional ? [...rule.scope].sort(byCodePoint) : [],
    // Art. 17: usage requirements belong to the shared classes only.
    purposes: rule.class === "NOT_SHARED" ? [] : SHARE_PURPOSES.filter((p) => rule.purposes.includes(p)),
    conditions: conditional ? { approval: rule.approval, mask: rule.mask } : null,
    basis: rule.basis,
    sharingMethod: sharingMethod(rule),
  };
}

const GATEWAY_QUERY = "GraphQL federation query via the gateway";
const ON_APPLICATION = "on approved application";

/** How a user obtains the item: CONTRACT §4's decisions, in words. */
function sharingMethod(rule: ShareRule): string {
  switch (rule.class) {
    case "UNCONDITIONAL":
      return GATEWAY_QUERY; // Art. 20, 23(3): directly
    case "NOT_SHARED":
      return "not shared; exceptional grant via cac-office coordination"; // Art. 22, 23(5)
    case "CONDITIONAL":
      if (rule.approval) return ON_APPLICATION; // Art. 21: even units in scope apply
      // Art. 21: units out of scope apply; a PARTIAL mask serves them the rest meanwhile.
      return `${GATEWAY_QUERY} for units in scope, others ${rule.mask === "PARTIAL" ? `masked, or whole ${ON_APPLICATION}` : ON_APPLICATION}`;
  }
}
