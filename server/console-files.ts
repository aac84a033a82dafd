import { createHash } from "node:crypto";
import { readFile, realpath, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, sep } from "node:path";
import { sendError } from "./json-answer.js";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";

/** Where the console is served (issue 16); `GET /graphql` from a browser is sent here. */
export const CONSOLE_PATH = "/console";

/**
 * The console's page may load only what the gateway serves itself: its scripts (no inline
 * script), its styles (the editor sets inline styles), its fonts, its workers, and talk to
 * this origin only. Nothing may frame it.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join("; ");

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
};

/** Text worth compressing; fonts and images are compressed already. */
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".svg", ".txt", ".ttf"]);

interface Encoded {
  readonly identity: Buffer;
  readonly br: Buffer | null;
  readonly gzip: Buffer | null;
  readonly etag: string;
}

export interface ConsoleFiles {
  /** Answers a request under CONSOLE_PATH (every method, every path). */
  answer(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void>;
}

/**
 * Serves the built console from `dir` (dist/console): the page for every route of the app,
 * hashed assets cached for good, everything else a coded refusal. Files are read at their
 * first request and kept compressed; a file changed on disk (a rebuild) is read again.
 */
export function consoleFiles(dir: string): ConsoleFiles {
  const cache = new Map<string, { readonly mtimeMs: number; readonly size: number; readonly encoded: Encoded }>();
  let root: string | null = null;

  const load = async (file: string): Promise<Encoded | null> => {
    let info;
    try {
      info = await stat(file);
    } catch {
      return null;
    }
    if (!info.isFile()) return null;
    const cached = cache.get(file);
    if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached.encoded;
    const identity = await readFile(file);
    const compressible = COMPRESSIBLE.has(extname(file)) && identity.length > 1024;
    const encoded: Encoded = {
      identity,
      br: compressible ? brotliCompressSync(identity, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9 } }) : null,
      gzip: compressible ? gzipSync(identity, { level: 9 }) : null,
      etag: `"${createHash("sha256").update(identity).digest("base64url").slice(0, 27)}"`,
    };
    cache.set(file, { mtimeMs: info.mtimeMs, size: info.size, encoded });
    return encoded;
  };

  return {
    async answer(req, res, pathname) {
      res.setHeader("content-security-policy", CONSOLE_CSP);
      if (req.method !== "GET" && req.method !== "HEAD") {
        res.setHeader("allow", "GET, HEAD");
        return sendError(res, 405, "the console is read with GET or HEAD", { code: "METHOD_NOT_ALLOWED" });
      }
      if (pathname === CONSOLE_PATH) {
        res.statusCode = 308;
        res.setHeader("location", `${CONSOLE_PATH}/`);
        res.end();
        return;
      }
      // The URL parser has resolved dot segments already ("/console/%2e%2e/x" is "/x"): what left the prefix is no console file.
      const relative = pathname.startsWith(`${CONSOLE_PATH}/`) ? safeRelative(pathname.slice(CONSOLE_PATH.length + 1)) : null;
      if (relative === null) return sendError(res, 404, "no such console file", { code: "NOT_FOUND" });
      root ??= await realpath(dir).catch(() => null);
      const page = root ? await load(join(root, "index.html")) : null;
      if (!root || !page) {
        root = null;
        return sendError(res, 503, "the console is not built: run npm run build (it writes dist/console)", { code: "CONSOLE_NOT_BUILT" });
      }
      // A route of the app (no extension) is the page; the app reads the route itself.
      if (relative === "" || extname(relative) === "") return send(req, res, page, TYPES[".html"]!, "no-cache");
      const file = join(root, relative);
      // A symbolic link inside the bundle must not lead out of it.
      const real = await realpath(file).catch(() => null);
      const encoded = real && real.startsWith(root + sep) ? await load(real) : null;
      const type = TYPES[extname(relative)];
      if (!encoded || !type) return sendError(res, 404, "no such console file", { code: "NOT_FOUND" });
      // Vite names every asset by its content's hash: a name is never reused for other bytes.
      const immutable = relative.startsWith("assets/");
      return send(req, res, encoded, type, immutable ? "public, max-age=31536000, immutable" : "no-cache");
    },
  };
}

/**
 * The path under the console's directory a URL names, or null: undecodable, a `..`, `.`-file,
 * backslash or NUL anywhere is refused rather than normalised (whatever it meant, it is no
 * file of the bundle).
 */
function safeRelative(encoded: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(encoded);
  } catch {
    return null;
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return null;
  const segments = decoded.split("/");
  if (segments.some((s, i) => s.startsWith(".") || (s === "" && i < segments.length - 1))) return null;
  return decoded;
}

function send(req: IncomingMessage, res: ServerResponse, encoded: Encoded, type: string, cacheControl: string): void {
  res.setHeader("content-type", type);
  res.setHeader("cache-control", cacheControl);
  res.setHeader("etag", encoded.etag);
  res.setHeader("vary", "Accept-Encoding");
  if (req.headers["if-none-match"] === encoded.etag) {
    res.statusCode = 304;
    res.end();
    return;
  }
  const accepts = String(req.headers["accept-encoding"] ?? "");
  const [body, encoding] =
    encoded.br && /\bbr\b/.test(accepts) ? [encoded.br, "br"] : encoded.gzip && /\bgzip\b/.test(accepts) ? [encoded.gzip, "gzip"] : [encoded.identity, null];
  if (encoding) res.setHeader("content-encoding", encoding);
  res.setHeader("content-length", body.length);
  res.statusCode = 200;
  res.end(req.method === "HEAD" ? undefined : body);
}
