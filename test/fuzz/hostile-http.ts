import fc from "fast-check";
import { operationBody, type HostileOperation } from "./hostile-documents.js";
import type { HostileHttpRequest } from "../helpers/raw-http.js";

/** The request body cap of every ecofed server (server/graphql-http.ts). */
const BODY_CAP = 1 << 20;

type Header = readonly [string, string];

/** Header values a client can still send (HTTP forbids CR, LF and other controls): any byte 0x20–0xFF, tab. */
const headerText = (maxLength: number): fc.Arbitrary<string> =>
  fc.uint8Array({ maxLength }).map((bytes) => Buffer.from(bytes.map((b) => (b === 9 || (b >= 0x20 && b !== 0x7f) ? b : 0x78))).toString("latin1"));

const headerName = fc.stringMatching(/^x-[a-z0-9-]{1,20}$/);

/** Byte sequences no UTF-8 decoder accepts: stray continuation bytes, overlongs, surrogates, 0xFF. */
const INVALID_UTF8 = [[0xff], [0xfe, 0xff], [0x80], [0xc0, 0x80], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xc3], [0xe4, 0xb8]];

const CONTENT_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "APPLICATION/JSON",
  "application/json; charset=utf-16",
  "application/json;;;",
  "application/graphql-response+json",
  "application/graphql",
  "text/plain",
  "text/plain; charset=utf-8",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/xml",
  "json",
  "",
  "*/*",
];

const ACCEPTS = [
  "application/json",
  "application/graphql-response+json",
  "multipart/mixed; deferSpec=20220824",
  "multipart/mixed; incrementalSpec=v0.2",
  "text/event-stream",
  "text/html",
  "*/*;q=0.1, application/json;q=bogus",
];

/** What a body can be: one operation, a batch, JSON that is no operation, damaged JSON, bytes, huge, deep, none. */
function body(operation: fc.Arbitrary<HostileOperation>): fc.Arbitrary<Buffer | undefined> {
  const text = (arb: fc.Arbitrary<string>) => arb.map((s) => Buffer.from(s, "utf8"));
  return fc.oneof(
    { weight: 30, arbitrary: text(operation.map(operationBody)) },
    { weight: 4, arbitrary: text(fc.array(operation.map(operationBody), { maxLength: 3 }).map((ops) => `[${ops.join(",")}]`)) },
    {
      weight: 4,
      arbitrary: text(
        fc.constantFrom(
          "null", "1", '"x"', "true", "{}", "[]", '{"query":null}', '{"query":""}', '{"query":["{ __typename }"]}', '{"query":{}}',
          '{"query":"{ __typename }","extensions":{"persistedQuery":{"version":1,"sha256Hash":"abc"}}}',
          '{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"abc"}}}',
          '{"query":"{ __typename }","extensions":{"persistedQuery":{"version":2}}}',
          '{"query":"{ __typename }","extensions":{"persistedQuery":null}}',
          '{"query":"{ __typename }","extensions":[]}',
          '{"query":"{ __typename }","variables":{"__proto__":{"x":1}}}',
          '{"query":"{ __typename }","query":"{ divisions { code } }"}',
          '{"query":"{ __typename }"}garbage',
          '\uFEFF{"query":"{ __typename }"}',
        ),
      ),
    },
    // Damaged JSON: an operation cut short.
    { weight: 4, arbitrary: text(fc.tuple(operation.map(operationBody), fc.double({ min: 0, max: 1, noNaN: true })).map(([s, at]) => s.slice(0, Math.floor(s.length * at)))) },
    // Invalid UTF-8 bytes inside (or around) an operation's JSON.
    {
      weight: 5,
      arbitrary: fc
        .tuple(operation.map(operationBody), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...INVALID_UTF8))
        .map(([s, at, bad]) => {
          const bytes = Buffer.from(s, "utf8");
          const cut = Math.floor(bytes.length * at);
          return Buffer.concat([bytes.subarray(0, cut), Buffer.from(bad), bytes.subarray(cut)]);
        }),
    },
    { weight: 2, arbitrary: fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)) },
    // Deeply nested JSON: unclosed, closed, as the whole body or as the variables.
    {
      weight: 3,
      arbitrary: fc.constantFrom(100_000, 300_000).chain((n) =>
        text(
          fc.constantFrom(
            "[".repeat(n),
            `${"[".repeat(n)}${"]".repeat(n)}`,
            `${'{"a":'.repeat(n / 10)}1${"}".repeat(n / 10)}`,
            `{"query":"{ __typename }","variables":{"v":${"[".repeat(n)}${"]".repeat(n)}}}`,
            `{"query":"{ __typename }","extensions":${'{"a":'.repeat(n / 10)}1${"}".repeat(n / 10)}}`,
          ),
        ),
      ),
    },
    // Huge: just within the 1 MiB cap, and just above it.
    {
      weight: 2,
      arbitrary: fc.constantFrom(BODY_CAP - 200, BODY_CAP + 1_000, 3 * BODY_CAP).map((size) => {
        const head = '{"query":"query ($s: String) { divisions { code } }","variables":{"s":"';
        return Buffer.from(`${head}${"x".repeat(Math.max(0, size - head.length - 4))}"}}`);
      }),
    },
    { weight: 2, arbitrary: fc.constantFrom(undefined, Buffer.alloc(0), Buffer.from(" "), Buffer.from("query=%7B__typename%7D")) },
    { weight: 3, arbitrary: text(operation.map((op) => op.query)) },
  );
}

/** `text` percent-encoded as UTF-8; a lone surrogate (garbage a fuzzed document may hold) as U+FFFD, as a browser sends it. */
export function percentEncoded(text: string): string {
  return encodeURIComponent(text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd"));
}

/** The query string of a GET carrying `op`. */
export function operationSearch(op: HostileOperation): string {
  const parts = [`query=${percentEncoded(op.query)}`];
  if (op.variablesJson !== undefined) parts.push(`variables=${percentEncoded(op.variablesJson)}`);
  if (op.operationNameJson !== undefined) parts.push(`operationName=${percentEncoded(String(JSON.parse(op.operationNameJson)))}`);
  return `?${parts.join("&")}`;
}

/** The query string of a GET: the operation's members, well or badly encoded. */
function search(operation: fc.Arbitrary<HostileOperation>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: operation.map(operationSearch) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        "", "?", "?query=", "?query=%7B", "?query=%zz", "?query=%ff%fe", "?query=%7B__typename%7D&query=%7B__typename%7D",
        "?query=%7B__typename%7D&variables=%7Bbad", "?query=%7B__typename%7D&extensions=%7B%22persistedQuery%22%3A1%7D",
        "?extensions=%7B%22persistedQuery%22%3A%7B%22version%22%3A1%2C%22sha256Hash%22%3A%22ab%22%7D%7D",
        "?query=mutation%7B__typename%7D", "?query=subscription%7B__typename%7D", "?operationName=x", `?query=${"x".repeat(20_000)}`,
      ),
    },
  );
}

export interface HostileHttpOptions {
  readonly operation: fc.Arbitrary<HostileOperation>;
  /** The headers that say who asks (valid or not), in order. */
  readonly credentials: fc.Arbitrary<readonly Header[]>;
}

/**
 * Hostile HTTP requests to `/graphql`: every method (and some no server knows), bodies of
 * every kind (see `body`), wrong and repeated content types, GETs with query strings,
 * credentials valid or not, and odd, repeated or very long headers.
 */
export function hostileHttpRequest({ operation, credentials }: HostileHttpOptions): fc.Arbitrary<HostileHttpRequest> {
  const extraHeaders = fc.array(
    fc.oneof(
      fc.tuple(headerName, headerText(64)),
      fc.tuple(headerName, fc.integer({ min: 1_000, max: 12_000 }).map((n) => "v".repeat(n))),
      fc.tuple(fc.constant("x-long"), fc.constant("v".repeat(20_000))),
      fc.tuple(fc.constant("accept"), fc.constantFrom(...ACCEPTS)),
      fc.tuple(fc.constantFrom("apollographql-client-name", "apollographql-client-version"), fc.oneof(headerText(20), fc.constant("c".repeat(300)))),
      fc.tuple(fc.constantFrom("apollo-require-preflight", "x-apollo-operation-name"), fc.constantFrom("1", "true", "")),
      fc.tuple(fc.constant("content-encoding"), fc.constantFrom("gzip", "br", "identity", "x")),
      fc.tuple(fc.constant("origin"), fc.constantFrom("https://evil.example", "null", "file://")),
      fc.tuple(fc.constantFrom("x-unit", "x-roles", "x-ecofed-unit", "x-ecofed-assertion", "x-forwarded-for", "cookie"), headerText(40)),
    ),
    { maxLength: 4 },
  );
  const contentTypes: fc.Arbitrary<readonly string[]> = fc.oneof(
    { weight: 6, arbitrary: fc.constant<readonly string[]>(["application/json"]) },
    { weight: 3, arbitrary: fc.constantFrom(...CONTENT_TYPES).map((t) => (t === "" ? [] : [t])) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...CONTENT_TYPES), fc.constantFrom(...CONTENT_TYPES)).map((pair): readonly string[] => pair) },
  );
  const method = fc.oneof(
    { weight: 14, arbitrary: fc.constant("POST") },
    { weight: 4, arbitrary: fc.constant("GET") },
    { weight: 3, arbitrary: fc.constantFrom("PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "PROPFIND", "FOO", "post") },
  );
  return fc
    .record({ method, credentials, contentTypes, extraHeaders, body: body(operation), search: search(operation), withSearch: fc.boolean() })
    .map(({ method, credentials, contentTypes, extraHeaders, body, search, withSearch }) => {
      const get = method === "GET" || method === "HEAD";
      const headers: Header[] = [...credentials, ...contentTypes.map((t): Header => ["content-type", t]), ...extraHeaders];
      return {
        method,
        path: `/graphql${get || withSearch ? search : ""}`,
        headers,
        // A GET's body is sent now and then too: it must be ignored, never run.
        body: get && !withSearch ? undefined : body,
      };
    });
}
