import type { Grant } from "../../directives/share/evaluate.js";

/**
 * Where the gateway learns grants and suspensions. `version` changes whenever either does,
 * so decisions cached under the old version are never reused (CONTRACT §7: a grant takes
 * effect on the very next request).
 */
export interface GrantSource {
  version(): string;
  grantsOf(unit: string): readonly Grant[];
  isSuspended(unit: string): boolean;
}

/** No grants, no suspensions: until the governance subgraph is wired in. */
export const NO_GRANTS: GrantSource = {
  version: () => "none",
  grantsOf: () => [],
  isSuspended: () => false,
};
