import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { ASSERTION_AUDIENCE, ASSERTION_ISSUER, ASSERTION_TTL_SECONDS } from "../../schema/request-assertion.js";
import type { GatewayContext } from "./authenticate.js";
import { PLATFORM_KEY_ALG, type PlatformKey } from "./platform-key.js";

const signed = new WeakMap<GatewayContext, Promise<string>>();

/**
 * An assertion for the platform itself (composition's `_service` calls, a baseline gateway
 * in a benchmark): no user, no purpose, a fresh request id.
 */
export function serviceAssertion(key: PlatformKey, principal: string): Promise<string> {
  return requestAssertion(key, {
    requestId: randomUUID(),
    requester: { unit: "platform", principal, roles: [] },
    purpose: null,
    client: { name: null, version: null },
  });
}

/**
 * The gateway's signed statement of who asks, sent with each subgraph fetch. Signed once
 * per request, however many fetches its plan makes.
 */
export function requestAssertion(key: PlatformKey, context: GatewayContext): Promise<string> {
  let assertion = signed.get(context);
  if (!assertion) {
    assertion = new SignJWT({
      rid: context.requestId,
      unit: context.requester.unit,
      roles: [...context.requester.roles],
      purpose: context.purpose,
    })
      .setProtectedHeader({ alg: PLATFORM_KEY_ALG, kid: key.kid, typ: "ecofed-assertion+jwt" })
      .setIssuer(ASSERTION_ISSUER)
      .setAudience(ASSERTION_AUDIENCE)
      .setSubject(context.requester.principal)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + ASSERTION_TTL_SECONDS)
      .sign(key.privateKey);
    signed.set(context, assertion);
  }
  return assertion;
}
