import type { ServerResponse } from "node:http";

/** Pieces are gathered into strings of about this many UTF-16 units before they are encoded. */
const FLUSH_UNITS = 8 * 1024;
/** Arrays shorter than this are written whole: descending into them saves nothing. */
const DESCEND_LENGTH = 16;
/** A long array's items are stringified in runs whose text is about this long. */
const RUN_UNITS = 8 * 1024;

/**
 * The method of a value that knows its own JSON text: the items of a long array that have it
 * are written with what it returns instead of being stringified. It must return exactly
 * `JSON.stringify(value)`, which every other serializer still writes.
 */
export const JSON_TEXT = Symbol("ecofed.jsonText");

interface KnowsItsJson {
  [JSON_TEXT](): string;
}

function knowsItsJson(value: unknown): value is KnowsItsJson {
  return typeof value === "object" && value !== null && JSON_TEXT in value;
}

/** A JSON text as UTF-8 chunks, and their total length for Content-Length. */
export interface JsonBytes {
  readonly chunks: readonly Buffer[];
  readonly bytes: number;
}

/**
 * `JSON.stringify(value) + "\n"` as UTF-8 bytes — the same bytes — without ever making the
 * whole text one string. V8 builds a long JSON.stringify result as a chain of parts; encoding
 * it first copies it into one flat string, and a flat string over 128 KiB gets fresh pages
 * of its own: for the 234 KiB answer of the gateway benchmark's query (b), about 100 page
 * faults per response. A plain server writing that answer spent 3.95 ms of CPU per request
 * encoding the string once (utf8Body) and 1.58 ms this way (bench/answer-cost.ts). Here the
 * response's spine (its plain objects down to the first arrays) is walked, the items of
 * long arrays are stringified a run at a time, and the pieces are encoded a few KiB at a
 * time. One difference to JSON.stringify, which GraphQL results never meet: a `toJSON`
 * below the spine is not handed its key.
 */
export function jsonPieces(value: unknown): JsonBytes {
  const sink = new ChunkSink();
  if (!writeSpine(sink, value)) sink.push("undefined"); // as `JSON.stringify(undefined) + "\n"`
  sink.push("\n");
  return sink.finish();
}

/** Writes `value` as the whole response body, in pieces, with its Content-Length. */
export function endWithJson(res: ServerResponse, value: unknown): void {
  const { chunks, bytes } = jsonPieces(value);
  res.setHeader("content-length", bytes);
  res.cork();
  for (const chunk of chunks) res.write(chunk);
  res.end();
}

class ChunkSink {
  private pending = "";
  private readonly chunks: Buffer[] = [];
  private bytes = 0;

  push(text: string): void {
    this.pending += text;
    if (this.pending.length >= FLUSH_UNITS) this.flush();
  }

  finish(): JsonBytes {
    this.flush();
    return { chunks: this.chunks, bytes: this.bytes };
  }

  private flush(): void {
    if (this.pending === "") return;
    const chunk = Buffer.from(this.pending, "utf8");
    this.chunks.push(chunk);
    this.bytes += chunk.length;
    this.pending = "";
  }
}

/** An object JSON.stringify writes member by member, as this does: Object's own kind (not a boxed primitive, a Map…). */
function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Writes `value` as JSON.stringify would; false when it has no JSON form (undefined, a function, a symbol). */
function writeSpine(sink: ChunkSink, value: unknown): boolean {
  if (value !== null && typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON !== "function") {
    if (Array.isArray(value) && value.length >= DESCEND_LENGTH) {
      writeLongArray(sink, value);
      return true;
    }
    if (!Array.isArray(value) && isPlainObject(value)) {
      sink.push("{");
      let first = true;
      for (const key of Object.keys(value)) {
        const member = value[key];
        if (member === undefined || typeof member === "function" || typeof member === "symbol") continue;
        sink.push(first ? `${JSON.stringify(key)}:` : `,${JSON.stringify(key)}:`);
        first = false;
        writeSpine(sink, member);
      }
      sink.push("}");
      return true;
    }
  }
  const text = JSON.stringify(value) as string | undefined;
  if (text === undefined) return false;
  sink.push(text);
  return true;
}

/**
 * A long array, stringified a run of items at a time: one JSON.stringify call per run keeps
 * the per-item cost of small items away, and the run's length adapts to the items' size.
 * An item that knows its JSON text is written with it, between runs.
 */
function writeLongArray(sink: ChunkSink, items: readonly unknown[]): void {
  // Such items come in the arrays of a response's errors, after its other errors: an array
  // that ends without one is stringified in runs without looking at each item.
  const look = knowsItsJson(items[items.length - 1]);
  let run = DESCEND_LENGTH;
  let separator = "[";
  for (let start = 0; start < items.length; ) {
    const item = items[start];
    if (look && knowsItsJson(item)) {
      sink.push(separator);
      sink.push(item[JSON_TEXT]());
      separator = ",";
      start++;
      continue;
    }
    const limit = Math.min(items.length, start + run);
    let end = start + 1;
    while (end < limit && !(look && knowsItsJson(items[end]))) end++;
    const text = JSON.stringify(items.slice(start, end));
    // "[a,b]" → "a,b", after "[" for the first run, "," after that.
    sink.push(separator);
    sink.push(text.slice(1, -1));
    separator = ",";
    run = Math.max(1, Math.min(4_096, Math.floor((RUN_UNITS * (end - start)) / text.length)));
    start = end;
  }
  sink.push(separator === "[" ? "[]" : "]");
}
