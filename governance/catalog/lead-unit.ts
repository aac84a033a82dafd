import { ownerOf, type FieldEntry } from "../../directives/share/supergraph-policies.js";
import { byCodePoint } from "./code-point-order.js";

/**
 * The unit that leads a jointly built resource and keeps its catalog entry (Art. 13): the one
 * that originates its key (info-center for `Enterprise`, CONTRACT §3); for a type without
 * a key, the unit that defines most of its fields (ties: the first by name).
 */
export function leadUnit(entries: readonly FieldEntry[]): string {
  const origin = entries.find((e) => e.keyOwner)?.keyOwner;
  if (origin) return origin;
  const counts = new Map<string, number>();
  for (const entry of entries) {
    const unit = ownerOf(entry, null);
    counts.set(unit, (counts.get(unit) ?? 0) + 1);
  }
  return [...counts].sort(([a, m], [b, n]) => n - m || byCodePoint(a, b))[0]?.[0] ?? "";
}
