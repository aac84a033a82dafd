import type { IncomingMessage, ServerResponse } from "node:http";

/** What a browser page may send to the gateway (the Authorization token, the purpose, Apollo's client identity). */
const ALLOWED_HEADERS = "authorization, content-type, x-share-purpose, apollographql-client-name, apollographql-client-version";
/** What `/graphql` accepts: POST, and GET for queries (Apollo Server's GET). */
const ALLOWED_METHODS = "GET, POST";
/** How long a browser may reuse a preflight's answer, in seconds (browsers cap it at 2 h or less). */
const PREFLIGHT_MAX_AGE = "600";

/**
 * What every answer carries, whoever asks: data answers are never stored (a shared cache or
 * the browser's would keep another unit's data), never sniffed into HTML, never framed, and
 * never leak the page that asked.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
};

/**
 * Headers every answer carries (SECURITY_HEADERS), and CORS for browser pages on `allowedOrigins` (exact
 * origins; none: no CORS header at all). A preflight (`OPTIONS`) to `/graphql` is answered
 * here, before authentication — a browser sends no credentials with it — and true is
 * returned: nothing else is to be written.
 */
export function applyBrowserHeaders(req: IncomingMessage, res: ServerResponse, pathname: string, allowedOrigins: readonly string[]): boolean {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  if (allowedOrigins.length === 0) return false;
  // Which origin is echoed depends on the request's: a cache must not serve one origin's answer to another.
  res.setHeader("vary", "Origin");
  const origin = req.headers.origin;
  const allowed = typeof origin === "string" && allowedOrigins.includes(origin);
  if (allowed) {
    // The origin itself, never "*": the answer is read with the page's credentials (a token, a client certificate).
    res.setHeader("access-control-allow-origin", origin);
    res.setHeader("access-control-allow-credentials", "true");
    res.setHeader("access-control-expose-headers", "x-request-id");
  }
  if (req.method !== "OPTIONS" || pathname !== "/graphql") return false;
  if (allowed) {
    res.setHeader("access-control-allow-methods", ALLOWED_METHODS);
    res.setHeader("access-control-allow-headers", ALLOWED_HEADERS);
    res.setHeader("access-control-max-age", PREFLIGHT_MAX_AGE);
  }
  res.statusCode = 204;
  res.end();
  return true;
}
