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

// The shape tokens are issued for (gateway/identity/token.ts): a unit code, or `ext:` and one.
const UNIT_CODE = /^(ext:)?[a-z][a-z0-9-]{1,39}$/;

/** Why a unit code is not one, or null. */
export function unitCodeProblem(code: string): string | null {
  return UNIT_CODE.test(code) ? null : `must be a unit code (lowercase, digits, "-", optional "ext:"), got "${code}"`;
}
