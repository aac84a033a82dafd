/**
 * The assertion the gateway signs on every request it sends a subgraph, so a unit knows
 * who asks, that the gateway asks, and what it may read: a JWT in this header, for this
 * audience, single-use (its `jti`), naming the field coordinates of that one fetch.
 */
export const ASSERTION_HEADER = "x-ecofed-assertion";
export const ASSERTION_ISSUER = "ecofed-gateway";
export const ASSERTION_AUDIENCE = "ecofed-subgraph";
export const ASSERTION_TYPE = "ecofed-assertion+jwt";
/** Short-lived: it covers one fetch, sent at once; units remember its nonce this long. */
export const ASSERTION_TTL_SECONDS = 60;

/** What a subgraph learns of the request it serves. */
export interface AssertedRequester {
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
