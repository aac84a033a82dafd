import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";
import type { Requester } from "../../directives/share/evaluate.js";
import { isSharePurpose, SHARE_PURPOSES, type SharePurpose } from "../../directives/share/rule.js";
import type { VerificationKeys } from "../../schema/platform-keys.js";
import { HttpError, unauthenticated } from "../../server/http-error.js";
import { requesterFromCertificate } from "./platform-ca.js";
import type { KeyringView, PlatformKey, PlatformKeyring } from "./platform-key.js";
import type { RevocationList } from "./revocation-list.js";
import type { VerifiedTokens } from "./token.js";
import type { KnownUnits } from "../../domain/known-units.js";

/** Who asks and why, for one request: from the verified credential and `X-Share-Purpose` only. */
export interface GatewayContext {
  readonly requestId: string;
  readonly requester: Requester;
  readonly purpose: SharePurpose | null;
  /** What proved the identity: a bearer token, or the TLS client certificate (`whoami` says which). */
  readonly credential: "TOKEN" | "CERTIFICATE";
  readonly client: { readonly name: string | null; readonly version: string | null };
  /** The platform key this request's assertions to subgraphs are signed with: read once, with its credential. */
  readonly signingKey: PlatformKey;
  /**
   * Filled in by enforcement once the operation is decided, read by each subgraph fetch:
   * the coordinates its assertion tells the unit to mask at the source.
   */
  readonly decided: { masked: ReadonlySet<string> };
}

/** What authenticates a request: the keyring (tokens), the verified-token cache, the CA's revocations (TLS). */
export interface Authenticator {
  readonly keyring: PlatformKeyring;
  readonly tokens: VerifiedTokens;
  readonly revocations?: RevocationList | undefined;
  /** The units a credential may name (tokens are checked by `tokens` against the same). */
  readonly known?: KnownUnits;
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return typeof value === "string" ? value : null;
}

/**
 * Authenticates one HTTP request. Identity comes from the Authorization header's token
 * and from nothing else a client can set (`X-Unit` and the like are ignored).
 */
export async function authenticate(req: IncomingMessage, requestId: string, { keyring, tokens, revocations, known }: Authenticator): Promise<GatewayContext> {
  const keys = currentKeys(keyring);
  const certified = certificateRequester(req, revocations);
  const unknown = certified && known?.problem(certified.unit);
  if (unknown) throw unauthenticated(`client certificate names no known unit: ${unknown}`);
  const requester = certified ?? (await tokenRequester(req, tokens, keys));
  const rawPurpose = header(req, "x-share-purpose")?.trim() ?? "";
  if (rawPurpose !== "" && !isSharePurpose(rawPurpose)) {
    // An unknown purpose: HTTP 400 (CONTRACT §2).
    throw new HttpError(400, "BAD_PURPOSE", `X-Share-Purpose must be one of ${SHARE_PURPOSES.join(", ")}`);
  }
  return {
    requestId,
    requester,
    purpose: rawPurpose === "" ? null : (rawPurpose as SharePurpose),
    credential: certified ? "CERTIFICATE" : "TOKEN",
    client: { name: header(req, "apollographql-client-name"), version: header(req, "apollographql-client-version") },
    signingKey: keys.current,
    decided: { masked: new Set() },
  };
}

/** One read of the keyring per request: a rotation or retirement decides from the next one. Unreadable: nothing is verified (fail closed). */
function currentKeys(keyring: PlatformKeyring): KeyringView {
  try {
    return keyring.now();
  } catch (error) {
    console.error(`ecofed: ${(error as Error).message}`);
    throw new HttpError(503, "IDENTITY_UNAVAILABLE", "the platform keyring cannot be read, so no credential is verified; see the gateway's log");
  }
}

async function tokenRequester(req: IncomingMessage, tokens: VerifiedTokens, keys: VerificationKeys): Promise<Requester> {
  const match = header(req, "authorization")?.match(/^Bearer\s+(\S+)\s*$/i);
  if (!match) throw unauthenticated("a client certificate or an Authorization: Bearer <token> header is required (npx ecofed token --unit <code>)");
  return tokens.verify(match[1]!, keys);
}

/**
 * The requester of a client certificate chained to the platform CA (Art. 24), or null when
 * none was presented. One that was presented but is expired, not yet valid, revoked or
 * from another CA is refused outright — never quietly replaced by a token.
 */
function certificateRequester(req: IncomingMessage, revocations: RevocationList | undefined): Requester | null {
  const socket = req.socket as Partial<TLSSocket>;
  if (typeof socket.getPeerCertificate !== "function" || !revocations) return null;
  const peer = socket.getPeerCertificate();
  if (!peer || !peer.raw) return null;
  if (!socket.authorized) throw unauthenticated(`client certificate refused: ${String(socket.authorizationError ?? "not issued by the platform CA")}`);
  if (revocations.isRevoked(peer.serialNumber)) throw unauthenticated("client certificate refused: revoked");
  const requester = requesterFromCertificate(peer.raw);
  if (!requester) throw unauthenticated("client certificate names no ecofed unit");
  return requester;
}
