import { hasRole, ROLE, type Actor } from "../../governance/actor.js";
import type { SqlWhere } from "./sql-where.js";

/** Which rows a requester may list: every row, or those its unit is party to. */
export type Visibility = { readonly kind: "all" } | { readonly kind: "party"; readonly unit: string };

/** The cac-office, the leading group and the security team oversee every application and grant. */
export function visibilityOf(actor: Actor): Visibility {
  const overseer = hasRole(actor, ROLE.cacOffice) || hasRole(actor, ROLE.leadingGroup) || hasRole(actor, ROLE.security);
  return overseer ? { kind: "all" } : { kind: "party", unit: actor.unit };
}

/** Keeps the rows where one of `columns` is the requester's unit. */
export function restrictTo(where: SqlWhere, visibility: Visibility, columns: readonly string[]): SqlWhere {
  if (visibility.kind === "all") return where;
  return where.add(`(${columns.map((c) => `${c} = @visibleUnit`).join(" OR ")})`, { visibleUnit: visibility.unit });
}

/** Whether a single row with these parties is visible. */
export function canSee(visibility: Visibility, parties: readonly string[]): boolean {
  return visibility.kind === "all" || parties.includes(visibility.unit);
}
