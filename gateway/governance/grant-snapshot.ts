import type { Grant } from "../../directives/share/evaluate.js";
import { shanghaiDay } from "../../governance/deadlines.js";
import { nextChangeAt } from "../../governance/governance-state.js";
import type { PublishedGovernanceState } from "../../governance/published-state.js";

/** Grants by holder and suspended units, as read at one moment: what one request is decided against. */
export class GrantSnapshot {
  private readonly byUnit = new Map<string, Grant[]>();
  private readonly suspended: ReadonlySet<string>;

  private constructor(
    readonly version: string,
    grants: readonly Grant[],
    suspendedUnits: Iterable<string>,
    /** When a grant or suspension in it runs out: it must be read again then, even if nothing else moved. */
    readonly staleAt: number,
  ) {
    for (const g of grants) {
      const held = this.byUnit.get(g.unit);
      if (held) held.push(g);
      else this.byUnit.set(g.unit, [g]);
    }
    this.suspended = new Set(suspendedUnits);
  }

  /** What is in force at `now` of a governance state: grants and suspensions past their last day are dropped. */
  static of(version: string, state: PublishedGovernanceState, now: Date): GrantSnapshot {
    const today = shanghaiDay(now);
    const grants = state.grants.filter((g) => g.validUntil >= today);
    const suspensions = state.suspensions.filter((s) => s.until >= today);
    const staleAt = nextChangeAt(grants, suspensions)?.getTime() ?? Number.POSITIVE_INFINITY;
    return new GrantSnapshot(version, grants, suspensions.map((s) => s.unit), staleAt);
  }

  grantsOf(unit: string): readonly Grant[] {
    return this.byUnit.get(unit) ?? [];
  }

  isSuspended(unit: string): boolean {
    return this.suspended.has(unit);
  }
}

export const EMPTY_SNAPSHOT = GrantSnapshot.of("none", { grants: [], suspensions: [] }, new Date());
