import { randomUUID } from "node:crypto";
import type { Duplex } from "node:stream";
import type { ErrorCode } from "../schema/errors.js";
import { SECURITY_HEADERS } from "./browser-headers.js";

/**
 * Node's `clientError` handler for every ecofed server: a request its HTTP parser refuses (an
 * unknown method, a header with a forbidden byte, headers over Node's 16 KiB, a smuggling
 * attempt, a body cut short) is answered like any refusal — a status below 500, a JSON body
 * with one coded error, an `X-Request-Id` (CONTRACT §2) and the security headers — instead of
 * Node's bare status line. The connection is closed after it: the parser cannot go on.
 */
export function answerClientError(error: Error & { code?: string; rawPacket?: Buffer }, socket: Duplex): void {
  // A connection reset, or one already answering a request: nothing can be written (Node's own rule).
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (error.code === "ECONNRESET" || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const [status, message] = refusalOf(error.code);
  const body = JSON.stringify({ errors: [{ message, extensions: { code: "BAD_REQUEST" satisfies ErrorCode } }] });
  const headers = {
    "content-type": "application/json; charset=utf-8",
    "content-length": String(Buffer.byteLength(body)),
    "x-request-id": randomUUID(),
    ...SECURITY_HEADERS,
    connection: "close",
  };
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join("");
  // An answer to HEAD has no body (RFC 9110 §9.3.2); a client would read one as a second answer.
  const toHead = error.rawPacket?.subarray(0, 5).toString("latin1") === "HEAD ";
  socket.end(`HTTP/1.1 ${status} ${REASONS[status]}\r\n${head}\r\n${toHead ? "" : body}`);
}

const REASONS: Readonly<Record<number, string>> = { 400: "Bad Request", 408: "Request Timeout", 413: "Content Too Large", 431: "Request Header Fields Too Large" };

/** The status and message Node itself would answer with, by the parser's error code. */
function refusalOf(code: string | undefined): [number, string] {
  switch (code) {
    case "HPE_HEADER_OVERFLOW":
      return [431, "The request's headers are over the server's limit (16 KiB)."];
    case "HPE_CHUNK_EXTENSIONS_OVERFLOW":
      return [413, "The request's chunk extensions are over the server's limit."];
    case "ERR_HTTP_REQUEST_TIMEOUT":
      return [408, "The request was not received in time."];
    default:
      return [400, "The request is not valid HTTP/1.1."];
  }
}
