import type { Actor } from "./actor.js";
import { byCodePoint } from "./catalog/code-point-order.js";
import { badArgument, isBlank, reasonText, type Refusal } from "./refusal.js";

export interface OutcomeInput {
  readonly coordinates: readonly string[];
  readonly description: string;
  readonly benefit?: string | null;
}

export interface CheckedOutcome {
  readonly ok: true;
  readonly coordinates: readonly string[];
  /** The owners of those items: the units whose shared data made the outcome. */
  readonly providers: readonly string[];
  readonly description: string;
  readonly benefit: string | null;
}

/**
 * Art. 8(3): a user reports what it achieved with shared data 应用成效 — other units' items of
 * the catalog (`ownerOf` gives an item's owner, or null when the catalog has no such item).
 */
export function checkOutcomeReport(actor: Actor, input: OutcomeInput, ownerOf: (coordinate: string) => string | null): CheckedOutcome | Refusal {
  const coordinates = [...new Set(input.coordinates.map((c) => c.trim()))].sort(byCodePoint);
  if (coordinates.length === 0) return badArgument("input.coordinates", "must name at least one data item (Type.field)");
  const providers = new Set<string>();
  for (const coordinate of coordinates) {
    const owner = ownerOf(coordinate);
    if (owner === null) return badArgument("input.coordinates", `names ${coordinate}, which is not a data item of the catalog`);
    if (owner === actor.unit) return badArgument("input.coordinates", `names ${coordinate}, your own data: outcomes are reported on shared data`);
    providers.add(owner);
  }
  if (isBlank(input.description)) return badArgument("input.description", "must say what was achieved");
  return { ok: true, coordinates, providers: [...providers].sort(byCodePoint), description: input.description.trim(), benefit: reasonText(input.benefit) };
}
