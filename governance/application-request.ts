import type { SharePurpose } from "../directives/share/rule.js";
import type { FieldEntry, PolicyIndex } from "../directives/share/supergraph-policies.js";
import { quoteInput } from "../domain/quote-input.js";
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
  const named = [...new Set(request.coordinates.map((c) => c.trim()))];
  if (named.length === 0) return bad("input.coordinates", "must name at least one field (Type.field)");
  const coordinates = withTypesExpanded(index, named, request.purpose);
  if (!Array.isArray(coordinates)) return coordinates;
  const entries: FieldEntry[] = [];
  for (const coordinate of coordinates) {
    const entry = index.fields.get(coordinate);
    if (!entry) return bad("input.coordinates", `names ${quoteInput(coordinate)}, which the federation does not have`);
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

/**
 * `Type` alone stands for every field of it that an application could open for the purpose
 * (conditional or not shared, allowing it), of the provider the other coordinates name or,
 * without them, of its only provider (issue 15: a grant on `Enterprise.inspections` alone
 * read nothing, its items were conditional too).
 */
function withTypesExpanded(index: PolicyIndex, named: readonly string[], purpose: SharePurpose): string[] | Refusal {
  const explicit = new Set(named.filter((n) => n.includes(".")).map((n) => index.fields.get(n)).flatMap((e) => (e ? [ownerOfField(e)] : [])));
  const out: string[] = [];
  for (const name of named) {
    if (name.includes(".")) {
      out.push(name);
      continue;
    }
    const fields = [...index.fields.values()].filter(
      (e) => e.coordinate.startsWith(`${name}.`) && e.rule && e.rule.class !== "UNCONDITIONAL" && e.rule.purposes.includes(purpose),
    );
    if (fields.length === 0) return bad("input.coordinates", `names ${quoteInput(name)}, which is no type with a field an application could open for ${purpose}`);
    const owners = new Set(fields.map(ownerOfField));
    const provider = owners.size === 1 ? [...owners][0] : [...explicit].find((o) => owners.has(o));
    if (!provider) {
      return bad("input.coordinates", `names type ${name}, whose fields several units serve (${[...owners].filter(Boolean).sort().join(", ")}); name its fields, or one of that provider's beside it`);
    }
    out.push(...fields.filter((e) => ownerOfField(e) === provider).map((e) => e.coordinate));
  }
  return [...new Set(out)];
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
