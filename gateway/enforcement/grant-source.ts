import type { Grant } from "../../directives/share/evaluate.js";

/**
 * Where the gateway learns grants and suspensions. `refresh` runs before each request is
 * decided and throws when governance cannot be read (the gateway then serves nothing);
 * `version` changes whenever what it reports does, so decisions cached under the old
 * version are never reused (CONTRACT §7: a grant takes effect on the very next request).
 */
export interface GrantSource {
  refresh(): Promise<void> | void;
  version(): string;
  grantsOf(unit: string): readonly Grant[];
  isSuspended(unit: string): boolean;
}

/** No grants, no suspensions: a gateway over a federation without a governance subgraph. */
export const NO_GRANTS: GrantSource = {
  refresh: () => undefined,
  version: () => "none",
  grantsOf: () => [],
  isSuspended: () => false,
};
