import { isPenaltyId } from "./record-id.js";

// Penalties are listed newest first; the decision day alone is not unique, so the sort key
// (and the cursor) is the day and the id.
export interface PenaltyKey {
  readonly decidedOn: string;
  readonly id: string;
}

export function penaltyCursorKey(key: PenaltyKey): string {
  return `${key.decidedOn}/${key.id}`;
}

/** The key inside a decoded cursor text, or null when it is not one. */
export function parsePenaltyCursorKey(text: string): PenaltyKey | null {
  const [decidedOn, id, ...rest] = text.split("/");
  if (rest.length > 0 || !decidedOn || !id) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(decidedOn) || !isPenaltyId(id)) return null;
  return { decidedOn, id };
}
