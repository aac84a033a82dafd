/** Who takes a governance action: a unit and its roles, as the gateway asserted them. */
export interface Actor {
  readonly unit: string;
  readonly roles: readonly string[];
}

/** The roles governance knows (SPEC §1); tokens carry them. */
export const ROLE = {
  approver: "approver",
  cacOffice: "cac-office",
  leadingGroup: "leading-group",
  security: "security",
} as const;

export function hasRole(actor: Actor, role: (typeof ROLE)[keyof typeof ROLE]): boolean {
  return actor.roles.includes(role);
}

/** Other national government departments reach us through the national platform as `ext:<dept>` (SPEC §1). */
export function isExternal(unit: string): boolean {
  return unit.startsWith("ext:");
}

// The shape tokens are issued for: one rule for the gateway and governance.
export { unitCodeProblem } from "../domain/unit-code.js";
