import { unitCodeProblem } from "./unit-code.js";

/** The demo federation's units (`npm start`), in start order; subgraphs/registry.ts serves exactly these. */
export const DEMO_UNIT_CODES = ["info-center", "permits", "atmosphere", "water", "soil", "enforcement", "nuclear", "audit", "governance"] as const;

/**
 * The ministry's offices that hold credentials but serve no subgraph: the cac-office
 * (Art. 4's coordinating office), the leading group and the general office.
 */
export const MINISTRY_OFFICE_CODES = ["cac-office", "leading-group", "general-office"] as const;

/** What the platform's registry holds by default: every demo unit and office. */
export const REGISTERED_UNIT_CODES: readonly string[] = [...DEMO_UNIT_CODES, ...MINISTRY_OFFICE_CODES];

/** The platform's own code: what the gateway is when it acts for itself. Never a requester's unit. */
export const PLATFORM_UNIT_CODE = "platform";

/**
 * The units a credential may name (issue 13: a token for `nonexistent-unit` or `platform` was
 * treated as an internal unit): the platform's registry (the demo units, plus `ECOFED_UNITS`),
 * the graphs of the supergraph served, and any external department (`ext:<dept>`).
 */
export class KnownUnits {
  private readonly codes: ReadonlySet<string>;

  constructor(codes: Iterable<string>) {
    this.codes = new Set([...codes].filter((c) => c !== PLATFORM_UNIT_CODE));
  }

  /** Why `unit` may not be a requester's unit, or null. */
  problem(unit: string): string | null {
    const malformed = unitCodeProblem(unit);
    if (malformed) return `unit ${malformed}`;
    if (unit.startsWith("ext:") || this.codes.has(unit)) return null;
    if (unit === PLATFORM_UNIT_CODE) return `unit "${PLATFORM_UNIT_CODE}" is the platform itself, never a requester`;
    return `unknown unit "${unit}"; known units: ${this.list().join(", ")}, or ext:<dept> for an external department`;
  }

  list(): string[] {
    return [...this.codes].sort();
  }

  with(codes: Iterable<string>): KnownUnits {
    return new KnownUnits([...this.codes, ...codes]);
  }
}
