import fc from "fast-check";
import type { GraphQLSchema } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoEnterprises } from "../../demo/enterprises.js";
import { SHARE_PURPOSES } from "../../directives/share/rule.js";
import { loadOrCreatePlatformKey } from "../../gateway/identity/platform-key.js";
import { signToken } from "../../gateway/identity/token.js";
import { postGraphQL } from "../helpers/graphql-client.js";
import { startInProcessFederation, type InProcessFederation } from "../helpers/in-process-federation.js";
import { tempDir } from "../helpers/temp-dir.js";
import { asRequester, tokenFor } from "../helpers/tokens.js";
import { AnswerLog, runFuzz } from "./fuzz-run.js";
import { hostileOperation, operationBody, type DemoFacts, type HostileOperation } from "./hostile-documents.js";
import { hostileHttpRequest, operationSearch } from "./hostile-http.js";
import { sendHostile, sendRawBytes, type HostileHttpRequest } from "../helpers/raw-http.js";

// Issue 14 item 10: hostile documents, variables, headers and bodies against the real demo
// federation over HTTP. Every answer is coded (status < 500, each error a stable
// extensions.code), none hangs, data answers are never to be stored, and afterwards an
// ordinary request is served as before.

type Header = readonly [string, string];

let fed: InProcessFederation;
let schema: GraphQLSchema;
let ordinary: Header[];
let credentials: fc.Arbitrary<readonly Header[]>;
let requesters: fc.Arbitrary<readonly Header[]>;
let operations: fc.Arbitrary<HostileOperation>;
const other = tempDir("fuzz-foreign");

const facts: DemoFacts = {
  creditCodes: demoEnterprises().slice(0, 20).map((e) => e.creditCode),
  divisionCodes: ["110000", "320000", "440000", "999999", "11", ""],
};

beforeAll(async () => {
  fed = await startInProcessFederation();
  schema = fed.gateway.enforcement.apiSchema!;
  operations = hostileOperation(schema, facts);
  const key = await loadOrCreatePlatformKey(fed.dataDir);
  const valid = await Promise.all([
    tokenFor(fed.dataDir, "water"),
    tokenFor(fed.dataDir, "info-center", ["security"]),
    tokenFor(fed.dataDir, "enforcement", ["approver"]),
    tokenFor(fed.dataDir, "ext:mnr"),
  ]);
  const invalid = [
    await tokenFor(fed.dataDir, "water", [], -120), // expired
    await signToken(await loadOrCreatePlatformKey(other.path), { unit: "water", principal: "w", roles: [] }), // another platform's key
    await signToken(key, { unit: "mars", principal: "m", roles: [] }), // no such unit
    valid[0]!.slice(0, -4), // a damaged signature
  ];
  ordinary = Object.entries(asRequester(valid[0]!, "WORK_REFERENCE"));
  const authorization = fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...valid).map((t) => [["authorization", `Bearer ${t}`]]) },
    {
      weight: 5,
      arbitrary: fc.oneof(
        fc.constant([]),
        fc.constantFrom(...invalid).map((t) => [["authorization", `Bearer ${t}`]]),
        fc.constantFrom("Bearer", "Bearer ", "Bearer a.b.c", "Bearer ....", "Basic dXNlcjpwYXNz", "bearer", `Bearer ${"a".repeat(8_000)}`, `Bearer ${valid[0]} ${valid[1]}`, `Token ${valid[0]}`, "Bearer eyJhbGciOiJub25lIn0.e30.")
          .map((v) => [["authorization", v]]),
        fc.constantFrom(...valid).map((t) => [["authorization", `bearer  ${t} `]]),
        fc.constantFrom(...valid).map((t) => [["authorization", `Bearer ${invalid[0]}`], ["authorization", `Bearer ${t}`]]),
        fc.uint8Array({ maxLength: 60 }).map((b) => [["authorization", `Bearer ${Buffer.from(b.map((x) => (x < 0x21 || x === 0x7f ? 0x41 : x))).toString("latin1")}`]]),
      ),
    },
  );
  const purpose = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...SHARE_PURPOSES).map((p) => [["x-share-purpose", p]]) },
    { weight: 3, arbitrary: fc.constant([]) },
    {
      weight: 3,
      arbitrary: fc.oneof(
        fc.constantFrom("work_reference", " WORK_REFERENCE ", "WORK_REFERENCE, DATA_VERIFICATION", "", "NONE", "P".repeat(5_000), "UNCONDITIONAL", "WORK_REFERENCE\t").map((p) => [["x-share-purpose", p]]),
        fc.constant([["x-share-purpose", "WORK_REFERENCE"], ["x-share-purpose", "WORK_REFERENCE"]]),
        fc.uint8Array({ maxLength: 40 }).map((b) => [["x-share-purpose", Buffer.from(b.map((x) => (x < 0x20 || x === 0x7f ? 0x41 : x))).toString("latin1")]]),
      ),
    },
  );
  credentials = fc.tuple(authorization, purpose).map(([a, p]) => [...a, ...p] as Header[]);
  // Documents are sent mostly as someone the gateway serves: what they meet is the document's own hostility.
  requesters = fc.oneof(
    { weight: 9, arbitrary: fc.tuple(fc.constantFrom(...valid), fc.option(fc.constantFrom(...SHARE_PURPOSES), { nil: undefined })).map(([t, p]) => Object.entries(asRequester(t, p)) as Header[]) },
    { weight: 1, arbitrary: credentials },
  );
});

afterAll(async () => {
  await fed?.stop();
  other.remove();
});

/** Short enough for a failure report, long enough to recognise the request. */
function describeRequest(req: HostileHttpRequest): string {
  const body = req.body === undefined ? "(no body)" : JSON.stringify(req.body.subarray(0, 600).toString("latin1"));
  const headers = req.headers.map(([n, v]) => `${n}: ${v.length > 80 ? `${v.slice(0, 80)}…(${v.length})` : v}`).join(" | ");
  return `${req.method} ${req.path.slice(0, 300)} [${headers}] ${body}${(req.body?.length ?? 0) > 600 ? `…(${req.body!.length} bytes)` : ""}`;
}

async function expectStillServing(): Promise<void> {
  const res = await postGraphQL(fed.gateway.url, `{ divisions { code } waterSections(divisionCode: "110000") { __typename } }`, {}, Object.fromEntries(ordinary));
  expect(res.status).toBe(200);
  expect((res.body.data?.["divisions"] as unknown[]).length).toBeGreaterThan(0);
  expect(res.body.errors).toBeUndefined();
  expect(res.headers.get("cache-control")).toBe("no-store");
}

describe("the gateway under fuzz", () => {
  it("answers a path it does not serve with a coded 404", async () => {
    const res = await fetch(fed.gateway.url.replace(/\/graphql$/, "/nothing-here"));
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ errors: [{ message: "Not found: GraphQL is served at /graphql", extensions: { code: "NOT_FOUND" } }] });
  });

  it("answers every hostile document, with its variables and operationName, with a coded answer", async () => {
    const log = new AnswerLog();
    const asked = fc.record({ op: operations, who: requesters, get: fc.nat({ max: 9 }).map((n) => n === 0) });
    const runs = await runFuzz(
      "documents",
      asked,
      async ({ op, who, get }) => {
        const req: HostileHttpRequest = get
          ? {
              method: "GET",
              path: `/graphql${operationSearch(op)}`,
              headers: [...who, ["apollo-require-preflight", "1"]],
              body: undefined,
            }
          : { method: "POST", path: "/graphql", headers: [...who, ["content-type", "application/json"]], body: Buffer.from(operationBody(op)) };
        await log.ask(() => sendHostile(fed.gateway.url, req), req.method, () => describeRequest(req));
      },
      250,
    );
    console.log(`fuzz documents answered: ${log}`);
    // Not vacuous: documents were served, and refused by validation.
    expect(log.count("data")).toBeGreaterThan(runs / 25);
    expect(log.count("error:GRAPHQL_VALIDATION_FAILED")).toBeGreaterThan(runs / 25);
    await expectStillServing();
  });

  it("answers every hostile HTTP request (methods, content types, bodies, headers) with a coded answer", async () => {
    const log = new AnswerLog();
    const runs = await runFuzz(
      "http",
      hostileHttpRequest({ operation: operations, credentials }),
      async (req) => log.ask(() => sendHostile(fed.gateway.url, req), req.method, () => describeRequest(req)),
      250,
    );
    console.log(`fuzz http answered: ${log}`);
    expect(log.count("error:BAD_REQUEST")).toBeGreaterThan(runs / 10);
    expect(log.count("error:UNAUTHENTICATED")).toBeGreaterThan(runs / 50);
    await expectStillServing();
  });

  it("answers bytes that are not HTTP with a coded 4xx, and keeps serving", async () => {
    const log = new AnswerLog();
    const crafted = fc.constantFrom(
      "FOO /graphql HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET /graphql HTTP/1.1\r\nHost: x\r\nX-Bad\u0001: y\r\n\r\n",
      "GET /graphql HTTP/1.1\r\nHost: x\r\nX-Nul: a\u0000b\r\n\r\n",
      "GET /graphql HTTP/9.9\r\nHost: x\r\n\r\n",
      "GET /graphql\r\n\r\n",
      "GET /graphql HTTP/1.1\nHost: x\n\n",
      "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
      "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
      "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n{}",
      "POST /graphql HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nzz\r\n\r\n",
      "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"query\":",
      `GET /graphql HTTP/1.1\r\nHost: x\r\nX-A: ${"a".repeat(20_000)}\r\n\r\n`,
      `GET /graphql?query=${"x".repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
      `GET /graphql HTTP/1.1\r\nHost: x\r\n${Array.from({ length: 3_000 }, (_, i) => `X-${i}: 1\r\n`).join("")}\r\n`,
      "\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\u0003\u0003\r\n\r\n",
      " /graphql HTTP/1.1\r\n\r\n",
    );
    const garbage = fc.uint8Array({ minLength: 1, maxLength: 200 }).map((b) => Buffer.concat([Buffer.from(b), Buffer.from("\r\n\r\n")]).toString("latin1"));
    await runFuzz(
      "raw",
      fc.oneof(crafted, garbage),
      async (text) => {
        // Blank lines before a request line are allowed (RFC 9112 §2.2): only blank lines is no request, and no answer.
        if (/^[\r\n]*$/.test(text)) return;
        await log.ask(() => sendRawBytes(fed.gateway.url, Buffer.from(text, "latin1")), "RAW", () => JSON.stringify(text.slice(0, 300)));
      },
      60,
    );
    console.log(`fuzz raw answered: ${log}`);
    await expectStillServing();
  });
});
