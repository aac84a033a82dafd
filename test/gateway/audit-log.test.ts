import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoEnterprises } from "../../demo/enterprises.js";
import { postGraphQL, type GraphQLResponse } from "../helpers/graphql-client.js";
import { startInProcessFederation, type InProcessFederation } from "../helpers/in-process-federation.js";
import { asRequester, tokenFor } from "../helpers/tokens.js";

// SPEC §4, CONTRACT §6: every field decision of every request becomes a durable, chained
// record the security team reads through the federated schema.
let fed: InProcessFederation;
beforeAll(async () => {
  fed = await startInProcessFederation();
});
afterAll(() => fed?.stop());

const e = demoEnterprises().find((x) => x.inspected && x.penalised)!;
const QUERY = `query Look($c: ID!) { enterprise(creditCode: $c) { name who: legalRepresentative inspections { date informant } ...P } }
fragment P on Enterprise { penalties { amountYuan } again: penalties { amountYuan } }`;

async function ask(unit: string, purpose: string | undefined, query: string, variables: Record<string, unknown> = {}, roles: string[] = []): Promise<GraphQLResponse> {
  return postGraphQL(fed.gateway.url, query, variables, asRequester(await tokenFor(fed.dataDir, unit, roles), purpose));
}

interface Row { coordinate: string; owner: string; decision: string; reason: string; valueCount: number; unit: string; purpose: string | null; operationName: string | null }

async function recordsOf(requestId: string): Promise<Row[]> {
  const res = await ask("info-center", "DATA_VERIFICATION",
    `query ($r: ID!) { accessLog(filter: { requestId: $r }, first: 100) { totalCount nodes { coordinate owner decision reason valueCount unit purpose operationName } } }`,
    { r: requestId }, ["security"]);
  expect(res.body.errors).toBeUndefined();
  return ((res.body.data!["accessLog"] as { nodes: Row[] }).nodes).sort((a, b) => a.coordinate.localeCompare(b.coordinate));
}

describe("the audit log", () => {
  it("records one row per field coordinate of a request — allowed, masked and denied — with what was served", async () => {
    const res = await ask("water", "DATA_VERIFICATION", QUERY, { c: e.creditCode });
    const requestId = res.headers.get("x-request-id")!;
    const data = res.body.data!["enterprise"] as { inspections: unknown[]; penalties: unknown[] };
    const rows = await recordsOf(requestId);
    const brief = rows.map((r) => [r.coordinate, r.decision, r.reason, r.valueCount]);
    expect(brief).toEqual([
      ["Enterprise.inspections", "ALLOWED", "SHARED", 1],
      ["Enterprise.legalRepresentative", "MASKED", "OUT_OF_SCOPE", 1],
      ["Enterprise.name", "ALLOWED", "SHARED", 1],
      ["Enterprise.penalties", "ALLOWED", "SHARED", 2],
      ["Inspection.date", "ALLOWED", "SHARED", data.inspections.length],
      ["Inspection.informant", "DENIED", "NOT_SHARED", 0],
      ["Penalty.amountYuan", "ALLOWED", "SHARED", data.penalties.length * 2],
      ["Query.enterprise", "ALLOWED", "SHARED", 1],
    ]);
    expect(rows.every((r) => r.unit === "water" && r.purpose === "DATA_VERIFICATION" && r.operationName === "Look")).toBe(true);
  });

  it("records denials of requests that got no data at all", async () => {
    const res = await ask("water", undefined, `{ divisions { code } }`);
    expect(res.body.data).toBeNull();
    const rows = await recordsOf(res.headers.get("x-request-id")!);
    expect(rows.map((r) => [r.coordinate, r.decision, r.reason])).toEqual([["Query.divisions", "DENIED", "PURPOSE_REQUIRED"]]);
  });

  it("shows a unit the records about its own data, the security team everything, anyone else nothing", async () => {
    await ask("water", "DATA_VERIFICATION", QUERY, { c: e.creditCode });
    const log = `{ accessLog(first: 500) { totalCount nodes { owner } } }`;
    const mine = (await ask("enforcement", "DATA_VERIFICATION", log)).body.data!["accessLog"] as { totalCount: number; nodes: { owner: string }[] };
    expect(mine.totalCount).toBeGreaterThan(0);
    expect(new Set(mine.nodes.map((n) => n.owner))).toEqual(new Set(["enforcement"]));
    const all = (await ask("info-center", "DATA_VERIFICATION", log, {}, ["security"])).body.data!["accessLog"] as { totalCount: number; nodes: { owner: string }[] };
    expect(new Set(all.nodes.map((n) => n.owner)).size).toBeGreaterThan(2);
    // An internal unit whose data nobody read (it serves none): an empty connection, not an error.
    const outsider = await ask("general-office", "DATA_VERIFICATION", log);
    expect(outsider.body.errors).toBeUndefined();
    expect(outsider.body.data).toEqual({ accessLog: { totalCount: 0, nodes: [] } });
    // External departments are outside the log's scope altogether ("internal").
    const external = await ask("ext:mnr", "DATA_VERIFICATION", log);
    expect(external.body.errors?.map((x) => (x.extensions?.["share"] as { reason: string }).reason)).toEqual(["OUT_OF_SCOPE"]);
  });

  it("audits reading the log itself", async () => {
    const res = await ask("enforcement", "DATA_VERIFICATION", `{ accessLog(first: 1) { totalCount } }`);
    const rows = await recordsOf(res.headers.get("x-request-id")!);
    expect(rows.map((r) => [r.coordinate, r.owner, r.decision])).toEqual([
      ["AccessRecordConnection.totalCount", "audit", "ALLOWED"],
      ["Query.accessLog", "audit", "ALLOWED"],
    ]);
  });

  it("pages newest first with stable cursors, and filters", async () => {
    const page = async (after?: string) =>
      (await ask("info-center", "DATA_VERIFICATION", `query ($a: String) { accessLog(first: 3, after: $a, filter: { decision: DENIED }) { nodes { id decision } pageInfo { endCursor hasNextPage } } }`, after ? { a: after } : {}, ["security"])).body.data!["accessLog"] as {
        nodes: { id: string; decision: string }[];
        pageInfo: { endCursor: string; hasNextPage: boolean };
      };
    const first = await page();
    const second = await page(first.pageInfo.endCursor);
    const ids = [...first.nodes, ...second.nodes].map((n) => Number(n.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...first.nodes, ...second.nodes].every((n) => n.decision === "DENIED")).toBe(true);
  });

  it("counts for dashboards, grouped and bucketed", async () => {
    const res = await ask("info-center", "DATA_VERIFICATION", `{ accessStats(groupBy: [DECISION, REASON], bucket: DAY) { bucket decision reason count } }`, {}, ["security"]);
    const rows = res.body.data!["accessStats"] as { bucket: string; decision: string; reason: string; count: number }[];
    expect(rows.find((r) => r.decision === "DENIED" && r.reason === "NOT_SHARED")!.count).toBeGreaterThan(0);
    expect(rows.every((r) => /T00:00:00.000Z$/.test(r.bucket))).toBe(true);
  });

  it("verifies the whole chain for the security team, and only for it", async () => {
    const ok = await ask("info-center", "DATA_VERIFICATION", `{ auditIntegrity { ok records firstBrokenId } }`, {}, ["security"]);
    expect(ok.body.data!["auditIntegrity"]).toMatchObject({ ok: true, firstBrokenId: null });
    const denied = await ask("water", "DATA_VERIFICATION", `{ auditIntegrity { ok } }`);
    expect(denied.body.errors?.[0]?.extensions?.["code"]).toBe("FORBIDDEN");
  });

  it("fails closed with HTTP 503 AUDIT_UNAVAILABLE when the log cannot be written, serving no data", async () => {
    const holder = new Database(join(fed.dataDir, "audit.sqlite"));
    holder.exec("BEGIN EXCLUSIVE");
    try {
      let answered = false;
      const pending = ask("water", "WORK_REFERENCE", `query ($c: ID!) { enterprise(creditCode: $c) { name } }`, { c: e.creditCode }).finally(() => (answered = true));
      // The commit waits for the lock off the event loop: /health answers meanwhile (issue 13:
      // it used to wait out SQLite's busy timeout with every other request).
      await new Promise((r) => setTimeout(r, 300));
      const health = await fetch(fed.gateway.url.replace(/\/graphql$/, "/health"));
      expect(answered).toBe(false);
      expect(health.status).toBe(200);
      const res = await pending;
      expect(res.status).toBe(503);
      expect(res.body.data).toBeUndefined();
      expect(res.body.errors?.map((x) => x.extensions?.["code"])).toEqual(["AUDIT_UNAVAILABLE"]);
      expect(JSON.stringify(res.body)).not.toContain(e.name);
    } finally {
      holder.exec("ROLLBACK");
      holder.close();
    }
    const after = await ask("water", "WORK_REFERENCE", `query ($c: ID!) { enterprise(creditCode: $c) { name } }`, { c: e.creditCode });
    expect(after.status).toBe(200);
  });

  it("reports an edit made directly in the database, naming the record", async () => {
    const db = new Database(join(fed.dataDir, "audit.sqlite"));
    const victim = (db.prepare("SELECT id FROM audit_records ORDER BY id LIMIT 1 OFFSET 3").get() as { id: number }).id;
    db.exec("DROP TRIGGER audit_records_append_only");
    // Someone hides who read what: a different principal on one record.
    db.prepare("INSERT INTO audit_strings (value) VALUES ('someone-else')").run();
    db.prepare("UPDATE audit_records SET principal = (SELECT id FROM audit_strings WHERE value = 'someone-else') WHERE id = ?").run(victim);
    db.close();
    const res = await ask("info-center", "DATA_VERIFICATION", `{ auditIntegrity { ok firstBrokenId } }`, {}, ["security"]);
    expect(res.body.data!["auditIntegrity"]).toEqual({ ok: false, firstBrokenId: String(victim) });
  });

  it("bounds the client-chosen strings every record repeats: over 256 characters is a coded 400, nothing logged", async () => {
    const long = "x".repeat(257);
    const named = await postGraphQL(fed.gateway.url, `query ${long} { divisions { code } }`, {}, asRequester(await tokenFor(fed.dataDir, "water"), "WORK_REFERENCE"), long);
    const client = await postGraphQL(fed.gateway.url, `{ divisions { code } }`, {}, { ...asRequester(await tokenFor(fed.dataDir, "water"), "WORK_REFERENCE"), "apollographql-client-name": long });
    for (const res of [named, client]) {
      expect(res.status).toBe(400);
      expect(res.body.errors?.map((x) => x.extensions?.["code"])).toEqual(["BAD_REQUEST"]);
      expect((await recordsOf(res.headers.get("x-request-id")!)).length).toBe(0);
    }
    const fits = await postGraphQL(fed.gateway.url, `query ${"x".repeat(256)} { divisions { code } }`, {}, asRequester(await tokenFor(fed.dataDir, "water"), "WORK_REFERENCE"), "x".repeat(256));
    expect(fits.status).toBe(200);
  });

  it("a unit's nonce store locked by another process refuses that unit's fetch at once, serving none of its data", async () => {
    // Reads in WAL mode wait for no lock; the unit's one write per request is its nonce.
    const holder = new Database(join(fed.dataDir, "info-center.nonces.sqlite"));
    holder.exec("BEGIN EXCLUSIVE");
    try {
      const res = await ask("water", "WORK_REFERENCE", `query ($c: ID!) { enterprise(creditCode: $c) { name } }`, { c: e.creditCode });
      expect(res.body.errors?.map((x) => [x.extensions?.["code"], x.extensions?.["unit"]])).toEqual([["SUBGRAPH_UNAVAILABLE", "info-center"]]);
      expect(JSON.stringify(res.body)).not.toContain(e.name);
    } finally {
      holder.exec("ROLLBACK");
      holder.close();
    }
  });

  it("a write to a unit's store locked by another process fails at once with STORE_BUSY, and works once it is released", async () => {
    const apply = `mutation { applyForAccess(input: { coordinates: ["Enterprise.inspections"], purpose: DATA_VERIFICATION, justification: "locked" }) { id } }`;
    const holder = new Database(join(fed.dataDir, "governance.sqlite"));
    holder.exec("BEGIN EXCLUSIVE");
    try {
      const res = await ask("permits", "DATA_VERIFICATION", apply);
      expect(res.body.errors?.map((x) => x.extensions?.["code"])).toEqual(["STORE_BUSY"]);
    } finally {
      holder.exec("ROLLBACK");
      holder.close();
    }
    expect((await ask("permits", "DATA_VERIFICATION", apply)).body.errors).toBeUndefined();
  });
});
