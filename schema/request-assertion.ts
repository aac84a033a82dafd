/**
 * The assertion the gateway signs on every request it sends a subgraph, so a unit knows
 * who asks (and, later, that the gateway asks): a JWT in this header, for this audience.
 */
export const ASSERTION_HEADER = "x-ecofed-assertion";
export const ASSERTION_ISSUER = "ecofed-gateway";
export const ASSERTION_AUDIENCE = "ecofed-subgraph";
/** Short-lived: it covers one request's fetches, not a session. */
export const ASSERTION_TTL_SECONDS = 60;

/** What a subgraph learns of the request it serves. */
export interface AssertedRequester {
  readonly requestId: string;
  readonly unit: string;
  readonly principal: string;
  readonly roles: readonly string[];
  readonly purpose: string | null;
}
