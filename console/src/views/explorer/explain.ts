import type { AnswerError, Purpose, ShareApply } from "../../api/client.js";

export type Decision = "ALLOWED" | "MASKED" | "DENIED";

export interface FieldDecision {
  readonly coordinate: string;
  readonly owner: string;
  readonly shareClass: string | null;
  readonly decision: Decision;
  readonly reason: string;
  readonly grantId: string | null;
  readonly apply: ShareApply | null;
}

export interface LimitUse {
  readonly name: string;
  readonly max: number;
  readonly actual: number;
}

export interface OperationCost {
  readonly depth: number;
  readonly cost: number;
  readonly limits: readonly LimitUse[];
}

export interface ExplainData {
  readonly explain: readonly FieldDecision[];
  readonly explainCost: OperationCost;
}

export const EXPLAIN = `query Explain($query: String!, $purpose: SharePurpose) {
  explain(query: $query, purpose: $purpose) { coordinate owner shareClass decision reason grantId apply { provider coordinates } }
  explainCost(query: $query) { depth cost limits { name max actual } }
}`;

export const explainVariables = (query: string, purpose: Purpose): Record<string, unknown> => ({ query, purpose });

/**
 * One application per provider (an application names one provider): every coordinate its
 * not-wholly-served fields point to, sorted.
 */
export function applicationsByProvider(decisions: readonly FieldDecision[]): ShareApply[] {
  const byProvider = new Map<string, Set<string>>();
  for (const d of decisions) {
    if (d.decision === "ALLOWED" || !d.apply) continue;
    const set = byProvider.get(d.apply.provider) ?? new Set<string>();
    for (const c of d.apply.coordinates) set.add(c);
    byProvider.set(d.apply.provider, set);
  }
  return [...byProvider].map(([provider, coordinates]) => ({ provider, coordinates: [...coordinates].sort() }));
}

/** explain and explainCost refuse a bad operation with the same coded error: show it once. */
export function distinctErrors(errors: readonly AnswerError[]): AnswerError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.extensions?.code ?? ""}\n${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
