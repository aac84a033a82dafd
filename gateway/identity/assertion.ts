import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { requestDigest, type ExactRequest } from "../../schema/exact-request.js";
import {
  assertionAudience,
  ASSERTION_ISSUER,
  ASSERTION_TTL_SECONDS,
  ASSERTION_TYPE,
  PLATFORM_ASSERTION_TYPE,
  PLATFORM_UNIT,
  type AssertedDecision,
} from "../../schema/request-assertion.js";
import type { GatewayContext } from "./authenticate.js";
import { PLATFORM_KEY_ALG, type PlatformKey } from "./platform-key.js";

/** One subgraph fetch as the gateway signs it: for which unit, the exact request, what it reads. */
export interface SignedFetch {
  /** The unit the fetch goes to (its graph name): the assertion's only audience. */
  readonly unit: string;
  readonly request: ExactRequest;
  readonly coordinates: readonly string[];
  /** Coordinates the requester may see only masked; the unit masks them before they leave it. */
  readonly masked?: ReadonlySet<string>;
}

/**
 * The gateway's signed statement, for ONE subgraph fetch, of who asks and the decision on
 * each coordinate it reads, bound to that unit and that exact request. Its nonce (`jti`)
 * makes it single-use: a captured assertion opens no other request, unit or field.
 */
export function requestAssertion(key: PlatformKey, context: Pick<GatewayContext, "requestId" | "requester" | "purpose">, fetch: SignedFetch): Promise<string> {
  return sign(key, ASSERTION_TYPE, fetch, {
    rid: context.requestId,
    unit: context.requester.unit,
    roles: [...context.requester.roles],
    purpose: context.purpose,
  }, context.requester.principal);
}

/**
 * The platform acting for itself (composition's `_service` calls, the supergraph hand-over,
 * a baseline gateway in a benchmark): its own JWT type, which no user's request can carry.
 */
export function platformAssertion(key: PlatformKey, principal: string, fetch: SignedFetch): Promise<string> {
  return sign(key, PLATFORM_ASSERTION_TYPE, fetch, { rid: randomUUID(), unit: PLATFORM_UNIT, roles: [], purpose: null }, principal);
}

function sign(key: PlatformKey, typ: string, fetch: SignedFetch, claims: Record<string, unknown>, subject: string): Promise<string> {
  const coords: Record<string, AssertedDecision> = {};
  for (const coordinate of fetch.coordinates) coords[coordinate] = fetch.masked?.has(coordinate) ? "MASKED" : "ALLOWED";
  return new SignJWT({ ...claims, req: requestDigest(fetch.request), coords })
    .setProtectedHeader({ alg: PLATFORM_KEY_ALG, kid: key.kid, typ })
    .setIssuer(ASSERTION_ISSUER)
    .setAudience(assertionAudience(fetch.unit))
    .setSubject(subject)
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ASSERTION_TTL_SECONDS)
    .sign(key.privateKey);
}
