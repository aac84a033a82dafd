import type { AssertedRequester } from "../../schema/request-assertion.js";

/** Which rows a requester may see (CONTRACT §6). */
export type Visibility = { readonly kind: "all" } | { readonly kind: "owner"; readonly owner: string } | { readonly kind: "none" };

/** Role `security` sees every record; a unit the records about its own data; anyone else nothing. */
export function visibilityOf(requester: AssertedRequester | null): Visibility {
  if (!requester) return { kind: "none" };
  if (requester.roles.includes("security")) return { kind: "all" };
  if (requester.unit.startsWith("ext:")) return { kind: "none" };
  return { kind: "owner", owner: requester.unit };
}
