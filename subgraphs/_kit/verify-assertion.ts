import { jwtVerify, type CryptoKey } from "jose";
import { ASSERTION_AUDIENCE, ASSERTION_ISSUER, type AssertedRequester } from "../../schema/request-assertion.js";
import { unauthenticated } from "../../server/http-error.js";

/** The platform's public key, as a unit holds it: to verify, never to sign. */
export interface PlatformPublicKey {
  readonly kid: string;
  readonly publicKey: CryptoKey;
}

/** Verifies the gateway's assertion before anything in it is read; a bad one is HTTP 401. */
export async function verifyAssertion(key: PlatformPublicKey, token: string): Promise<AssertedRequester> {
  try {
    const { payload, protectedHeader } = await jwtVerify(token, key.publicKey, {
      issuer: ASSERTION_ISSUER,
      audience: ASSERTION_AUDIENCE,
      algorithms: ["ES256"],
      typ: "ecofed-assertion+jwt",
      requiredClaims: ["exp", "sub", "rid", "unit"],
    });
    if (protectedHeader.kid !== key.kid) throw new Error("unknown key");
    return {
      requestId: String(payload["rid"]),
      unit: String(payload["unit"]),
      principal: String(payload.sub),
      roles: Array.isArray(payload["roles"]) ? payload["roles"].map(String) : [],
      purpose: typeof payload["purpose"] === "string" ? payload["purpose"] : null,
    };
  } catch {
    throw unauthenticated("the gateway assertion is missing its signature, expired or not the gateway's");
  }
}
