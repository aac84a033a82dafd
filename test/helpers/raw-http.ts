import { request } from "node:http";
import { connect } from "node:net";

/** One HTTP request as a hostile client writes it: any method, repeated headers, any bytes. */
export interface HostileHttpRequest {
  readonly method: string;
  /** Path and query string, e.g. `/graphql?query=…`. */
  readonly path: string;
  /** In order; a name may repeat (each is its own header line). */
  readonly headers: readonly (readonly [string, string])[];
  readonly body: Buffer | undefined;
}

/** What came back: the status, the headers (lower-case names) and the body's bytes. */
export interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
}

/**
 * Past this a request counts as a hang: above the gateway's per-fetch timeout (10 s), so a
 * slow unit's SUBGRAPH_TIMEOUT answer comes first; nothing a fuzz sends should near the
 * whole-request deadline (30 s).
 */
export const ANSWER_TIMEOUT_MS = 15_000;

/**
 * Sends `req` over a connection of its own (a hostile request may make the server close
 * it) and resolves with the answer, or rejects when none comes within ANSWER_TIMEOUT_MS.
 */
export function sendHostile(url: string, req: HostileHttpRequest): Promise<Answer> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of req.headers) {
      const previous = headers[name];
      headers[name] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
    }
    // Framed always: Node's client sends a GET's or HEAD's body with neither Content-Length nor
    // chunking, which the server rightly reads as the start of a second (garbage) request.
    if (req.body !== undefined) headers["content-length"] = String(req.body.length);
    const outgoing = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.path, headers, agent: false, timeout: ANSWER_TIMEOUT_MS },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on("error", reject);
      },
    );
    outgoing.on("timeout", () => outgoing.destroy(new Error(`no answer within ${ANSWER_TIMEOUT_MS} ms (a hang)`)));
    outgoing.on("error", reject);
    outgoing.end(req.body);
  });
}

/**
 * Writes `bytes` to the server as they are (what no HTTP client would send: a bad request
 * line, a header with bytes HTTP forbids), half-closes, and parses the one answer.
 */
export function sendRawBytes(url: string, bytes: Buffer): Promise<Answer> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: target.hostname, port: Number(target.port) });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(new Error(`no answer within ${ANSWER_TIMEOUT_MS} ms (a hang)`)), ANSWER_TIMEOUT_MS);
    socket.on("connect", () => socket.end(bytes));
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("error", (error) => {
      clearTimeout(timer);
      // A reset after the answer was written still leaves the answer to read.
      if (chunks.length > 0) resolve(parseAnswer(Buffer.concat(chunks)));
      else reject(error);
    });
    socket.on("close", () => {
      clearTimeout(timer);
      resolve(parseAnswer(Buffer.concat(chunks)));
    });
  });
}

/** The first HTTP/1.1 answer in `raw` (Content-Length, chunked, or up to the close). */
function parseAnswer(raw: Buffer): Answer {
  const end = raw.indexOf("\r\n\r\n");
  if (end < 0) return { status: 0, headers: {}, body: raw };
  const [statusLine, ...lines] = raw.subarray(0, end).toString("latin1").split("\r\n");
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = raw.subarray(end + 4);
  if (headers["content-length"] !== undefined) body = body.subarray(0, Number(headers["content-length"]));
  else if (headers["transfer-encoding"]?.includes("chunked")) body = dechunk(body);
  return { status: Number(statusLine!.split(" ")[1] ?? 0), headers, body };
}

function dechunk(raw: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = raw.indexOf("\r\n", at);
    if (lineEnd < 0) break;
    const size = parseInt(raw.subarray(at, lineEnd).toString("latin1"), 16);
    if (!(size > 0)) break;
    parts.push(raw.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}
