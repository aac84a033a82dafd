import { decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from "jose";
import { isSharePurpose } from "../../directives/share/rule.js";
import { isRole } from "../../domain/roles.js";
import { unitCodeProblem } from "../../domain/unit-code.js";
import { requestDigest, type ExactRequest } from "../../schema/exact-request.js";
import { credentialKeyResolver, type VerificationKeys } from "../../schema/platform-keys.js";
import {
  assertionAudience,
  ASSERTION_ISSUER,
  ASSERTION_TTL_SECONDS,
  ASSERTION_TYPE,
  PLATFORM_ASSERTION_TYPE,
  PLATFORM_UNIT,
  type AssertedDecision,
  type AssertedRequester,
} from "../../schema/request-assertion.js";
import { HttpError, unauthenticated } from "../../server/http-error.js";
import type { NonceStore } from "./nonce-store.js";

/** How far the unit's clock may be behind the gateway's: an assertion is accepted this long past its `exp`. */
const CLOCK_TOLERANCE_SECONDS = 5;

/** What a verified assertion says: who asks, and the only coordinates this request may read, each with its decision. */
export interface VerifiedAssertion {
  readonly requester: AssertedRequester;
  readonly decisions: ReadonlyMap<string, AssertedDecision>;
}

/**
 * Verifies the gateway's assertions before anything in them is read: the platform's
 * signature (a current or not-yet-retired key), issuer, this unit as audience, the type, a
 * lifetime no longer than the gateway gives, the digest of exactly the request it came with,
 * strictly formed claims, and a nonce never seen before. Anything else is HTTP 401.
 */
export class AssertionVerifier {
  constructor(
    private readonly keys: VerificationKeys,
    private readonly unit: string,
    private readonly nonces: NonceStore,
  ) {}

  async verify(token: string, request: ExactRequest): Promise<VerifiedAssertion> {
    let payload: JWTPayload;
    let typ: string | undefined;
    try {
      typ = decodeProtectedHeader(token).typ;
      if (typ !== ASSERTION_TYPE && typ !== PLATFORM_ASSERTION_TYPE) throw new Error("not an assertion");
      ({ payload } = await jwtVerify(
        token,
        credentialKeyResolver(this.keys, () => new Error("unknown or retired key")),
        {
          issuer: ASSERTION_ISSUER,
          audience: assertionAudience(this.unit),
          algorithms: ["ES256"],
          typ,
          requiredClaims: ["exp", "iat", "jti", "sub", "rid", "unit", "coords", "req"],
          maxTokenAge: ASSERTION_TTL_SECONDS,
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
        },
      ));
    } catch (error) {
      const why = error instanceof errors.JWTExpired ? "expired" : error instanceof errors.JWTClaimValidationFailed && error.claim === "aud" ? "for another unit" : "not signed by the platform, tampered or malformed";
      throw unauthenticated(`the gateway assertion is ${why}`);
    }
    const exp = payload.exp!;
    if (exp - payload.iat! > ASSERTION_TTL_SECONDS) throw unauthenticated("the gateway assertion lives longer than the gateway ever grants");
    // Bound to the exact request: another text, operation name or variable value is another digest.
    if (payload["req"] !== requestDigest(request)) throw unauthenticated("the gateway assertion is for another request");
    const requester = requesterOf(payload, typ === PLATFORM_ASSERTION_TYPE ? "platform" : "user");
    const decisions = decisionsOf(payload["coords"]);
    // Remembered only once everything else holds: nobody can fill the store with forged nonces.
    if (!(await this.firstUse(String(payload.jti), exp))) throw unauthenticated("the gateway assertion was already used (replayed)");
    return { requester, decisions };
  }

  private async firstUse(nonce: string, exp: number): Promise<boolean> {
    try {
      // Kept as long as it would still verify: a nonce forgotten within the tolerance could be replayed.
      return await this.nonces.remember(nonce, (exp + CLOCK_TOLERANCE_SECONDS) * 1000);
    } catch {
      // Fail closed: an assertion whose nonce cannot be checked may be a replay. The store has logged why.
      throw new HttpError(503, "UNIT_UNAVAILABLE", "this unit cannot check whether the gateway's assertion was used before, so it serves nothing; see the unit's log");
    }
  }
}

/** Who asks, from claims of exactly the expected shape; the platform's unit only in a platform assertion. */
function requesterOf(payload: JWTPayload, kind: AssertedRequester["kind"]): AssertedRequester {
  const { unit, rid, roles, purpose, sub } = payload as Record<string, unknown>;
  const malformed = (what: string): never => {
    throw unauthenticated(`the gateway assertion is malformed: ${what}`);
  };
  if (typeof unit !== "string") return malformed("unit");
  if (kind === "platform" ? unit !== PLATFORM_UNIT : unit === PLATFORM_UNIT || unitCodeProblem(unit) !== null) return malformed("unit");
  if (typeof rid !== "string" || rid.length === 0 || rid.length > 100) return malformed("rid");
  if (typeof sub !== "string" || sub.trim() === "" || sub.length > 200) return malformed("sub");
  if (!Array.isArray(roles) || !roles.every((r) => typeof r === "string" && isRole(r))) return malformed("roles");
  if (purpose !== null && purpose !== undefined && !(typeof purpose === "string" && isSharePurpose(purpose))) return malformed("purpose");
  return { kind, requestId: rid, unit, principal: sub, roles: roles as string[], purpose: (purpose as string | null | undefined) ?? null };
}

function decisionsOf(coords: unknown): ReadonlyMap<string, AssertedDecision> {
  if (coords === null || typeof coords !== "object" || Array.isArray(coords)) throw unauthenticated("the gateway assertion is malformed: coords");
  const decisions = new Map<string, AssertedDecision>();
  for (const [coordinate, decision] of Object.entries(coords)) {
    if (decision !== "ALLOWED" && decision !== "MASKED") throw unauthenticated("the gateway assertion is malformed: coords");
    decisions.set(coordinate, decision);
  }
  return decisions;
}
