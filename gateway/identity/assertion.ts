import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { ASSERTION_AUDIENCE, ASSERTION_ISSUER, ASSERTION_TTL_SECONDS, ASSERTION_TYPE } from "../../schema/request-assertion.js";
import type { GatewayContext } from "./authenticate.js";
import { PLATFORM_KEY_ALG, type PlatformKey } from "./platform-key.js";

/**
 * An assertion for the platform itself (composition's `_service` calls, a baseline gateway
 * in a benchmark): no user, no purpose, a fresh request id.
 */
export function serviceAssertion(key: PlatformKey, principal: string, coordinates: readonly string[]): Promise<string> {
  return requestAssertion(
    key,
    { requestId: randomUUID(), requester: { unit: "platform", principal, roles: [] }, purpose: null },
    coordinates,
  );
}

/**
 * The gateway's signed statement, for ONE subgraph fetch, of who asks and which field
 * coordinates the fetch may read. Its nonce (`jti`) makes it single-use: a captured
 * assertion cannot be replayed, nor reused for other fields.
 */
export function requestAssertion(key: PlatformKey, context: Pick<GatewayContext, "requestId" | "requester" | "purpose">, coordinates: readonly string[]): Promise<string> {
  return new SignJWT({
    rid: context.requestId,
    unit: context.requester.unit,
    roles: [...context.requester.roles],
    purpose: context.purpose,
    coords: [...coordinates],
  })
    .setProtectedHeader({ alg: PLATFORM_KEY_ALG, kid: key.kid, typ: ASSERTION_TYPE })
    .setIssuer(ASSERTION_ISSUER)
    .setAudience(ASSERTION_AUDIENCE)
    .setSubject(context.requester.principal)
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ASSERTION_TTL_SECONDS)
    .sign(key.privateKey);
}
