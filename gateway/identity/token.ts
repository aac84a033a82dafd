import { errors, jwtVerify, SignJWT } from "jose";
import type { Requester } from "../../directives/share/evaluate.js";
import { HttpError, unauthenticated } from "../../server/http-error.js";
import { credentialKeyResolver, type VerificationKeys } from "../../schema/platform-keys.js";
import { KnownUnits, REGISTERED_UNIT_CODES } from "../../domain/known-units.js";
import { isRole, ROLES } from "../../domain/roles.js";
import { LruCache } from "../../schema/lru-cache.js";
import { PLATFORM_KEY_ALG, type PlatformKey } from "./platform-key.js";

export const TOKEN_ISSUER = "ecofed-platform";
export const TOKEN_AUDIENCE = "ecofed-gateway";
export { ROLES } from "../../domain/roles.js";
export const DEFAULT_TOKEN_TTL_SECONDS = 12 * 3600;


/** Without other configuration, the units a credential may name: the demo federation's. */
export const DEMO_UNITS = new KnownUnits(REGISTERED_UNIT_CODES);

/** Clock skew tolerated on a credential's `iat`: one issued further in the future is refused. */
const ISSUED_AT_SKEW_SECONDS = 60;

/** Why a unit code or role is unusable, or null. */
export function requesterProblem(requester: Requester, known: KnownUnits = DEMO_UNITS): string | null {
  const unitProblem = known.problem(requester.unit);
  if (unitProblem) return unitProblem;
  if (requester.principal.trim() === "" || requester.principal.length > 200) return "principal must be 1–200 characters";
  const unknown = requester.roles.find((r) => !isRole(r));
  if (unknown) return `unknown role "${unknown}"; roles: ${ROLES.join(", ")}`;
  return null;
}

/** Signs a requester's token (JWS compact, ES256) with the platform key. */
export async function signToken(key: PlatformKey, requester: Requester, ttlSeconds = DEFAULT_TOKEN_TTL_SECONDS): Promise<string> {
  return new SignJWT({ unit: requester.unit, roles: [...requester.roles] })
    .setProtectedHeader({ alg: PLATFORM_KEY_ALG, kid: key.kid, typ: "JWT" })
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setSubject(requester.principal)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(key.privateKey);
}

/**
 * The requester a token names, once its signature (by a platform key that is not retired:
 * tokens signed before a rotation keep working until then), issuer, audience and lifetime
 * check out.
 */
export async function verifyToken(keys: VerificationKeys, token: string, known: KnownUnits = DEMO_UNITS): Promise<Requester> {
  return (await checkToken(keys, token, known)).requester;
}

/** A verified token: who, by which key, until when. */
interface CheckedToken {
  readonly requester: Requester;
  readonly kid: string;
  readonly expiresAtMs: number;
}

async function checkToken(keys: VerificationKeys, token: string, known: KnownUnits): Promise<CheckedToken> {
  try {
    const { payload, protectedHeader } = await jwtVerify(
      token,
      credentialKeyResolver(keys, () => unauthenticated("token signed by an unknown or retired key")),
      { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, algorithms: [PLATFORM_KEY_ALG], typ: "JWT", requiredClaims: ["exp", "sub", "iat"] },
    );
    const requester: Requester = {
      unit: String(payload["unit"] ?? ""),
      principal: payload.sub ?? "",
      roles: Array.isArray(payload["roles"]) ? payload["roles"].map(String) : [],
    };
    if (payload.iat! > Date.now() / 1000 + ISSUED_AT_SKEW_SECONDS) throw unauthenticated("token is issued in the future");
    if (typeof payload["unit"] !== "string") throw unauthenticated("token names no unit");
    const problem = requesterProblem(requester, known);
    if (problem) throw unauthenticated(`token names an invalid requester: ${problem}`);
    return { requester, kid: protectedHeader.kid!, expiresAtMs: payload.exp! * 1000 };
  } catch (error) {
    if (error instanceof HttpError) throw error;
    if (error instanceof errors.JWTExpired) throw unauthenticated("token expired");
    throw unauthenticated("token is not valid");
  }
}

/**
 * Tokens already verified, by their exact text (signature included): a service account
 * sends the same token with every request, and an ES256 verification costs ~0.26 ms (measured,
 * ~2 % of a request's gateway CPU). A hit is honoured only before the token's expiry and while
 * its key is not retired, so a retirement still refuses it from the next request.
 */
export class VerifiedTokens {
  private readonly verified = new LruCache<string, CheckedToken>(10_000);

  constructor(
    private readonly keys: VerificationKeys,
    private readonly known: KnownUnits = DEMO_UNITS,
  ) {}

  /** `keys`: the keyring as the request read it, when it has (one read per request). */
  async verify(token: string, keys: VerificationKeys = this.keys): Promise<Requester> {
    const hit = this.verified.get(token);
    if (hit && hit.expiresAtMs > Date.now() && keys.credentialKey(hit.kid)) return hit.requester;
    const checked = await checkToken(keys, token, this.known);
    this.verified.set(token, checked);
    return checked.requester;
  }
}
