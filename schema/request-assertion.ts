/**
 * The assertion the gateway signs on every request it sends a subgraph, so a unit knows
 * who asks, that the gateway asks, and what it may read: a JWT in this header, for one unit
 * (its audience), single-use (its `jti`), bound to the exact request (`req`, a digest of the
 * operation text, name and variables), with the decision on each field coordinate of that
 * one fetch (`coords`: ALLOWED or MASKED; the unit masks before a value leaves it).
 */
export const ASSERTION_HEADER = "x-ecofed-assertion";
export const ASSERTION_ISSUER = "ecofed-gateway";
/** A user's request, relayed by the gateway. */
export const ASSERTION_TYPE = "ecofed-assertion+jwt";
/**
 * The gateway acting for itself (composition, the supergraph hand-over): another JWT type,
 * so no token holder's request can ever be taken for the platform's.
 */
export const PLATFORM_ASSERTION_TYPE = "ecofed-platform-assertion+jwt";
/** The platform's own unit code in a platform assertion; never a token's or certificate's unit. */
export const PLATFORM_UNIT = "platform";

/** The one unit an assertion is for: an assertion captured by one unit opens no other. */
export function assertionAudience(unit: string): string {
  return `ecofed-unit:${unit}`;
}

/** A coordinate's decision as the unit enforces it: served as is, or masked at the source. */
export type AssertedDecision = "ALLOWED" | "MASKED";
/** Short-lived: it covers one fetch, sent at once; units remember its nonce this long. */
export const ASSERTION_TTL_SECONDS = 60;

/** What a subgraph learns of the request it serves. */
export interface AssertedRequester {
  /** `platform`: the gateway itself (a platform assertion); `user`: a token or certificate holder. */
  readonly kind: "user" | "platform";
  readonly requestId: string;
  readonly unit: string;
  readonly principal: string;
  readonly roles: readonly string[];
  readonly purpose: string | null;
}

/**
 * Query's federation fields as a subgraph serves them, for reading the coordinates of a
 * fetch against a supergraph schema (which has no `_entities`/`_service`). `_Entity` has no
 * members here: an `_entities` selection names its types by inline fragments.
 */
export const SUBGRAPH_FETCH_SDL = `
scalar _Any
union _Entity
type _Service { sdl: String }
extend type Query { _entities(representations: [_Any!]!): [_Entity]! _service: _Service! }
`;
