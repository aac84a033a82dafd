/** Above this many UTF-16 units the worst-case buffer (3 bytes each) is not worth its memory. */
const PREALLOCATED_ENCODE_LIMIT = 4 * 1024 * 1024;

/**
 * A response body's UTF-8 bytes, encoded once into a buffer sized for the worst case.
 * Handed a long string holding non-Latin text (Chinese names), Node's HTTP layer measures
 * it for Content-Length and then encodes it again while writing: serving the 234 KiB
 * answer of the gateway benchmark's query (b) took 3.2 ms of a server's CPU per request
 * that way against 2.1 ms this way (bench/answer-cost.ts). For a body that came as a
 * string: ecofed's own servers hand their results over whole and write them in pieces
 * (deferred-results.ts, json-pieces.ts).
 */
export function utf8Body(text: string): Buffer {
  if (text.length > PREALLOCATED_ENCODE_LIMIT) return Buffer.from(text, "utf8");
  const buffer = Buffer.allocUnsafe(text.length * 3);
  return buffer.subarray(0, buffer.write(text, "utf8"));
}
