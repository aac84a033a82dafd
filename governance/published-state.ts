import { createHash } from "node:crypto";
import type { Grant } from "../directives/share/evaluate.js";

/**
 * The governance state as the governance unit publishes it to Redis for every gateway
 * replica (`REDIS_URL`), and as the replicas read it: the grants and suspensions in force,
 * each with its last day so a replica drops it on time without asking again.
 */
export interface GovernanceKeys {
  readonly state: string;
  /** Changes whenever the state does; replicas read it before every request (one round trip). */
  readonly version: string;
}

/** Where one federation keeps its state in Redis; `ECOFED_REDIS_PREFIX` separates federations sharing a server. */
export const REDIS_PREFIX_ENV = "ECOFED_REDIS_PREFIX";
export function governanceKeys(prefix = "ecofed:"): GovernanceKeys {
  return { state: `${prefix}governance:state`, version: `${prefix}governance:version` };
}

export interface PublishedGovernanceState {
  readonly grants: readonly (Grant & { readonly validUntil: string })[];
  readonly suspensions: readonly { readonly unit: string; readonly until: string }[];
}

/** The text stored under the state key and the version that names it (a digest: equal states, equal versions). */
export function encodePublishedState(state: PublishedGovernanceState): { readonly json: string; readonly version: string } {
  const json = JSON.stringify(state);
  return { json, version: createHash("sha256").update(json).digest("hex").slice(0, 24) };
}

export function decodePublishedState(json: string): PublishedGovernanceState {
  const state = JSON.parse(json) as Partial<PublishedGovernanceState>;
  if (!Array.isArray(state.grants) || !Array.isArray(state.suspensions)) throw new Error("the published governance state is malformed");
  return state as PublishedGovernanceState;
}
