import { errors, jwtVerify } from "jose";
import { credentialKeyResolver, type VerificationKeys } from "../../schema/platform-keys.js";
import { ASSERTION_AUDIENCE, ASSERTION_ISSUER, ASSERTION_TTL_SECONDS, ASSERTION_TYPE, type AssertedRequester } from "../../schema/request-assertion.js";
import { unauthenticated } from "../../server/http-error.js";
import { SeenNonces } from "./seen-nonces.js";

/** What a verified assertion says: who asks, and the only coordinates this request may read. */
export interface VerifiedAssertion {
  readonly requester: AssertedRequester;
  readonly coordinates: ReadonlySet<string>;
}

/**
 * Verifies the gateway's assertions before anything in them is read: the platform's
 * signature (a current or not-yet-retired key), issuer, audience, type, a lifetime no
 * longer than the gateway gives, and a nonce never seen before. Anything else is HTTP 401.
 */
export class AssertionVerifier {
  private readonly nonces = new SeenNonces();

  constructor(private readonly keys: VerificationKeys) {}

  async verify(token: string): Promise<VerifiedAssertion> {
    let payload: Awaited<ReturnType<typeof jwtVerify>>["payload"];
    try {
      ({ payload } = await jwtVerify(
        token,
        credentialKeyResolver(this.keys, () => new Error("unknown or retired key")),
        {
          issuer: ASSERTION_ISSUER,
          audience: ASSERTION_AUDIENCE,
          algorithms: ["ES256"],
          typ: ASSERTION_TYPE,
          requiredClaims: ["exp", "iat", "jti", "sub", "rid", "unit", "coords"],
          maxTokenAge: ASSERTION_TTL_SECONDS,
          clockTolerance: 5,
        },
      ));
    } catch (error) {
      const why = error instanceof errors.JWTExpired ? "expired" : "not signed by the platform, tampered or malformed";
      throw unauthenticated(`the gateway assertion is ${why}`);
    }
    const { exp, iat, jti } = payload as { exp: number; iat: number; jti: string };
    const coords = payload["coords"];
    if (exp - iat > ASSERTION_TTL_SECONDS || !Array.isArray(coords)) throw unauthenticated("the gateway assertion is malformed");
    // Remembered only once the signature holds: nobody can fill the memory with forged nonces.
    if (!this.nonces.remember(jti, exp * 1000)) throw unauthenticated("the gateway assertion was already used (replayed)");
    return {
      requester: {
        requestId: String(payload["rid"]),
        unit: String(payload["unit"]),
        principal: String(payload.sub),
        roles: Array.isArray(payload["roles"]) ? payload["roles"].map(String) : [],
        purpose: typeof payload["purpose"] === "string" ? payload["purpose"] : null,
      },
      coordinates: new Set(coords.map(String)),
    };
  }
}
