import type { SharePurpose } from "../directives/share/rule.js";
import type { FieldEntry, PolicyIndex } from "../directives/share/supergraph-policies.js";
import { badArgument as bad, isBlank, type Refusal } from "./refusal.js";

export const DEFAULT_VALID_DAYS = 365;
export const MAX_VALID_DAYS = 1095;

export interface ApplicationRequest {
  readonly coordinates: readonly string[];
  readonly purpose: SharePurpose;
  readonly justification: string;
  readonly validDays?: number | null;
}

/** An application as it will be filed: one provider, the fields it asks for, and how long a grant would last. */
export interface CheckedRequest {
  readonly ok: true;
  readonly provider: string;
  readonly coordinates: readonly string[];
  readonly justification: string;
  readonly validDays: number;
  /** A NOT_SHARED field is among them: only the cac-office can grant it (Art. 22). */
  readonly notShared: boolean;
}

/**
 * Checks an application against the federation's current policies (Art. 21): fields that
 * exist, one provider that is not the applicant, a purpose every field allows (Art. 17), a
 * justification and a validity of 1–1095 days.
 */
export function checkApplicationRequest(index: PolicyIndex, applicant: string, request: ApplicationRequest): CheckedRequest | Refusal {
  const coordinates = [...new Set(request.coordinates.map((c) => c.trim()))];
  if (coordinates.length === 0) return bad("input.coordinates", "must name at least one field (Type.field)");
  const entries: FieldEntry[] = [];
  for (const coordinate of coordinates) {
    const entry = index.fields.get(coordinate);
    if (!entry) return bad("input.coordinates", `names ${coordinate}, which the federation does not have`);
    entries.push(entry);
  }
  const providers = checkProviders(entries, applicant);
  if (typeof providers !== "string") return providers;
  const rules = checkPurpose(entries, request.purpose);
  if (rules) return rules;
  if (isBlank(request.justification)) return bad("input.justification", "must say why the data is needed (Art. 21)");
  const validDays = request.validDays ?? DEFAULT_VALID_DAYS;
  if (!Number.isInteger(validDays) || validDays < 1 || validDays > MAX_VALID_DAYS) {
    return bad("input.validDays", `must be a whole number of days from 1 to ${MAX_VALID_DAYS}, got ${validDays}`);
  }
  return {
    ok: true,
    provider: providers,
    coordinates,
    justification: request.justification.trim(),
    validDays,
    notShared: entries.some((e) => e.rule?.class === "NOT_SHARED"),
  };
}

/** The one provider of every field, or why there is not one. */
function checkProviders(entries: readonly FieldEntry[], applicant: string): string | Refusal {
  const owners = new Set<string>();
  for (const entry of entries) {
    const owner = ownerOfField(entry);
    if (!owner) return bad("input.coordinates", `names ${entry.coordinate}, which several units serve (${entry.graphs.join(", ")}); apply for a field one unit owns`);
    if (owner === applicant) return bad("input.coordinates", `names ${entry.coordinate}, your own data: a unit always reads its own`);
    owners.add(owner);
  }
  if (owners.size > 1) return bad("input.coordinates", `spans several providers (${[...owners].sort().join(", ")}); file one application per provider`);
  return [...owners][0]!;
}

function checkPurpose(entries: readonly FieldEntry[], purpose: SharePurpose): Refusal | null {
  for (const entry of entries) {
    if (!entry.rule) return bad("input.coordinates", `names ${entry.coordinate}, which is unclassified: its owner must classify it before it can be shared`);
    if (!entry.rule.purposes.includes(purpose)) {
      return bad("input.purpose", `${purpose} is not a usage requirement of ${entry.coordinate} (it allows ${entry.rule.purposes.join(", ")}; Art. 17)`);
    }
  }
  return null;
}

/** The unit whose data a field is: an entity key's originating unit, else its only subgraph. */
function ownerOfField(entry: FieldEntry): string | null {
  if (entry.keyOwner) return entry.keyOwner;
  return entry.graphs.length === 1 ? entry.graphs[0]! : null;
}
