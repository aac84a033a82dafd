import type { IncomingMessage } from "node:http";
import type { Requester } from "../../directives/share/evaluate.js";
import { isSharePurpose, SHARE_PURPOSES, type SharePurpose } from "../../directives/share/rule.js";
import type { PlatformKey } from "./platform-key.js";
import { HttpError, unauthenticated } from "../../server/http-error.js";
import { verifyToken } from "./token.js";

/** Who asks and why, for one request: from the verified credential and `X-Share-Purpose` only. */
export interface GatewayContext {
  readonly requestId: string;
  readonly requester: Requester;
  readonly purpose: SharePurpose | null;
  readonly client: { readonly name: string | null; readonly version: string | null };
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return typeof value === "string" ? value : null;
}

/**
 * Authenticates one HTTP request. Identity comes from the Authorization header's token
 * and from nothing else a client can set (`X-Unit` and the like are ignored).
 */
export async function authenticate(req: IncomingMessage, requestId: string, key: PlatformKey): Promise<GatewayContext> {
  const authorization = header(req, "authorization");
  const match = authorization?.match(/^Bearer\s+(\S+)\s*$/i);
  if (!match) throw unauthenticated("an Authorization: Bearer <token> header is required (npx ecofed token --unit <code>)");
  const requester = await verifyToken(key, match[1]!);
  const rawPurpose = header(req, "x-share-purpose")?.trim() ?? "";
  if (rawPurpose !== "" && !isSharePurpose(rawPurpose)) {
    // An unknown purpose: HTTP 400 (CONTRACT §2).
    throw new HttpError(400, "BAD_PURPOSE", `X-Share-Purpose must be one of ${SHARE_PURPOSES.join(", ")}`);
  }
  return {
    requestId,
    requester,
    purpose: rawPurpose === "" ? null : (rawPurpose as SharePurpose),
    client: { name: header(req, "apollographql-client-name"), version: header(req, "apollographql-client-version") },
  };
}
