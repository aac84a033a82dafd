import fc from "fast-check";
import { isInterfaceType, isObjectType, type GraphQLSchema } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoEnterprises } from "../../demo/enterprises.js";
import { requestAssertion } from "../../gateway/identity/assertion.js";
import { loadOrCreatePlatformKey, type PlatformKey } from "../../gateway/identity/platform-key.js";
import { signToken } from "../../gateway/identity/token.js";
import type { ExactRequest } from "../../schema/exact-request.js";
import { ASSERTION_HEADER } from "../../schema/request-assertion.js";
import { buildUnitSubgraph } from "../../subgraphs/_kit/build-subgraph.js";
import { PlatformPublicKeys } from "../../subgraphs/_kit/platform-public-keys.js";
import { infoCenter } from "../../subgraphs/info-center/index.js";
import { sendHostile, type HostileHttpRequest } from "../helpers/raw-http.js";
import { tempDir } from "../helpers/temp-dir.js";
import { startUnit, type UnitUnderTest } from "../helpers/unit-server.js";
import { AnswerLog, runFuzz } from "./fuzz-run.js";
import { hostileOperation, operationBody } from "./hostile-documents.js";
import { hostileHttpRequest } from "./hostile-http.js";

// Issue 14 item 10 at a unit: a unit started with the platform's keys (it answers only the
// gateway's signed assertions), sent hostile requests directly, around the gateway. Every
// answer is coded — refusals 4xx, never a 500 — and a valid assertion for a hostile
// document is answered coded too.

type Header = readonly [string, string];

const dir = tempDir("fuzz-unit");
let unit: UnitUnderTest;
let key: PlatformKey;
let schema: GraphQLSchema;
/** Every coordinate of the unit's schema: an assertion naming them all lets any document of it through to Apollo. */
let everything: string[];

beforeAll(async () => {
  key = await loadOrCreatePlatformKey(dir.path);
  unit = await startUnit(infoCenter, new PlatformPublicKeys(dir.path), dir.path);
  schema = (await buildUnitSubgraph(infoCenter)).schema;
  everything = Object.values(schema.getTypeMap())
    .filter((t) => (isObjectType(t) || isInterfaceType(t)) && !t.name.startsWith("__"))
    .flatMap((t) => Object.keys((t as { getFields(): Record<string, unknown> }).getFields()).map((f) => `${t.name}.${f}`));
});

afterAll(async () => {
  await unit?.stop();
});

const facts = { creditCodes: demoEnterprises().slice(0, 10).map((e) => e.creditCode), divisionCodes: ["110000", "320000", "999999", ""] };
const context = { requestId: "fuzz", requester: { unit: "water", principal: "water-fuzz", roles: [] }, purpose: "WORK_REFERENCE" as const };

/** The request a unit will run from `body`, when it is one JSON object with a query; else null. */
function exactRequestOf(body: Buffer | undefined): ExactRequest | null {
  try {
    const parsed = JSON.parse(body?.toString("utf8") ?? "") as Record<string, unknown>;
    if (parsed === null || typeof parsed !== "object" || typeof parsed["query"] !== "string") return null;
    return { query: parsed["query"], variables: parsed["variables"], operationName: parsed["operationName"] as string | null | undefined };
  } catch {
    return null;
  }
}

/**
 * The gateway's assertion for exactly `request`, naming every coordinate. Variables nested
 * deeper than the signer's stack (100,000 levels) cannot be signed — nor are they ever by the
 * gateway, which signs the variables it coerced — so such a request goes unsigned.
 */
async function signedFor(request: ExactRequest): Promise<string> {
  try {
    return await requestAssertion(key, context, { unit: "info-center", request, coordinates: everything });
  } catch (error) {
    if (error instanceof RangeError) return "unsigned";
    throw error;
  }
}

function describeRequest(req: HostileHttpRequest): string {
  const body = req.body === undefined ? "(no body)" : JSON.stringify(req.body.subarray(0, 600).toString("latin1"));
  const headers = req.headers.map(([n, v]) => `${n}: ${v.length > 80 ? `${v.slice(0, 80)}…(${v.length})` : v}`).join(" | ");
  return `${req.method} ${req.path.slice(0, 300)} [${headers}] ${body}`;
}

describe("a unit under fuzz", () => {
  it("answers every hostile request, signed or not, with a coded answer (refusals 4xx, never 500)", async () => {
    const userToken = await signToken(key, context.requester);
    const otherRequest = await requestAssertion(key, context, { unit: "info-center", request: { query: "{ divisions { code } }", variables: {} }, coordinates: everything });
    const forAnotherUnit = await requestAssertion(key, context, { unit: "water", request: { query: "{ divisions { code } }", variables: {} }, coordinates: everything });
    // "sign" stands for an assertion the property signs for exactly the body it sends (the gateway's own).
    const assertion = fc.oneof(
      { weight: 6, arbitrary: fc.constant("sign") },
      {
        weight: 6,
        arbitrary: fc.oneof(
          fc.constant(null),
          fc.constantFrom(otherRequest, forAnotherUnit, userToken, otherRequest.slice(0, -3), "", "a.b.c", "eyJhbGciOiJub25lIn0.e30.", `${otherRequest}.x`, "x".repeat(10_000)),
          fc.uint8Array({ maxLength: 80 }).map((b) => Buffer.from(b.map((x) => (x < 0x20 || x === 0x7f ? 0x41 : x))).toString("latin1")),
        ),
      },
    );
    const credentials = fc.tuple(assertion, fc.boolean()).map(([a, twice]): Header[] => (a === null ? [] : twice ? [[ASSERTION_HEADER, a], [ASSERTION_HEADER, a]] : [[ASSERTION_HEADER, a]]));
    const log = new AnswerLog();
    const runs = await runFuzz(
      "unit",
      hostileHttpRequest({ operation: hostileOperation(schema, facts), credentials }),
      async (hostile) => {
        let req = hostile;
        if (hostile.headers.some(([, v]) => v === "sign")) {
          const exact = exactRequestOf(hostile.body);
          const signed = exact ? await signedFor(exact) : "unsigned";
          req = { ...hostile, headers: hostile.headers.map(([n, v]): Header => [n, v === "sign" ? signed : v]) };
        }
        await log.ask(() => sendHostile(unit.running.url, req), req.method, () => describeRequest(req));
      },
      // Most hostile requests are refused before the credential is read (method, content type,
      // body): at 150 runs the credential refusals numbered 3 to 10, too few to bound. 300 runs
      // (about a second) reach them every time; the check is that they are reached at all.
      300,
    );
    console.log(`fuzz unit answered: ${log}`);
    expect(log.count("error:UNAUTHENTICATED")).toBeGreaterThan(0);
    expect(log.count("error:BAD_REQUEST")).toBeGreaterThan(runs / 10);
    await expectStillServing();
  });

  it("answers every hostile document the gateway's assertion is signed for with a coded answer", async () => {
    const log = new AnswerLog();
    const runs = await runFuzz(
      "unit documents",
      hostileOperation(schema, facts),
      async (op) => {
        const body = Buffer.from(operationBody(op));
        const exact = exactRequestOf(body);
        const signed = exact ? await signedFor(exact) : "unsigned";
        const req: HostileHttpRequest = { method: "POST", path: "/graphql", headers: [["content-type", "application/json"], [ASSERTION_HEADER, signed]], body };
        await log.ask(() => sendHostile(unit.running.url, req), req.method, () => describeRequest(req));
      },
      150,
    );
    console.log(`fuzz unit documents answered: ${log}`);
    expect(log.count("data")).toBeGreaterThan(runs / 25);
    await expectStillServing();
  });
});

/** The unit still serves the gateway: a signed ordinary request answers 200 with data. */
async function expectStillServing(): Promise<void> {
    const request = { query: "{ divisions { code } }", variables: {} };
    const res = await fetch(unit.running.url, {
      method: "POST",
      headers: { "content-type": "application/json", [ASSERTION_HEADER]: await requestAssertion(key, context, { unit: "info-center", request, coordinates: everything }) },
      body: JSON.stringify(request),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: { divisions: unknown[] } }).data.divisions.length).toBeGreaterThan(0);
}

afterAll(() => dir.remove());
