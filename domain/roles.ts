/** The roles a token or certificate may carry (CONTRACT §1); any other is refused. */
export const ROLES = ["security", "cac-office", "leading-group", "approver"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
