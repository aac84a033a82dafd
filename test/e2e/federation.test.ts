import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoEnterprises } from "../../demo/enterprises.js";
import { requestAssertion } from "../../gateway/identity/assertion.js";
import { loadOrCreatePlatformKey } from "../../gateway/identity/platform-key.js";
import { signToken } from "../../gateway/identity/token.js";
import { ASSERTION_HEADER } from "../../schema/request-assertion.js";
import { demoInspections } from "../../subgraphs/enforcement/demo-inspections.js";
import { runCli } from "../helpers/cli-process.js";
import { errorCodes, postGraphQL } from "../helpers/graphql-client.js";
import { isAlive, startFederation, type RunningFederation } from "../helpers/federation.js";
import { tempDir } from "../helpers/temp-dir.js";
import { asRequester, tokenFor } from "../helpers/tokens.js";

const execFileAsync = promisify(execFile);

// The whole federation as `npm start` runs it: every unit its own process with its own
// SQLite file, the gateway composing what they serve, all on ephemeral ports.
const dir = tempDir("e2e");
let federation: RunningFederation;
/** The water department reading for work reference: every field these tests ask is UNCONDITIONAL. */
let reader: Record<string, string>;

beforeAll(async () => {
  federation = await startFederation(dir.path);
  reader = asRequester(await tokenFor(dir.path, "water"), "WORK_REFERENCE");
});
afterAll(async () => {
  await federation?.process.stop();
  dir.remove();
});

const CROSS_UNIT = `query ($code: ID!) {
  enterprise(creditCode: $code) {
    creditCode name division { code name }
    permit { permitNumber category }
    penalties { decisionNumber amountYuan }
    emissions { month pollutant tonnes }
    outfalls { name section { name division { name } } }
    contaminatedSites { name }
  }
}`;

function seededAt(dataDir: string): string {
  const db = new Database(join(dataDir, "info-center.sqlite"), { readonly: true });
  try {
    return (db.prepare("SELECT value FROM ecofed_meta WHERE key = 'seeded_at'").get() as { value: string }).value;
  } finally {
    db.close();
  }
}

describe("the federation, end to end over HTTP", () => {
  it("answers /health with 200 once it serves", async () => {
    const res = await fetch(`${federation.base}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("runs every unit in its own process", () => {
    expect([...federation.units.keys()].sort()).toEqual(
      ["atmosphere", "audit", "enforcement", "governance", "info-center", "nuclear", "permits", "soil", "water"],
    );
    const pids = new Set([...federation.units.values()].map((u) => u.pid));
    expect(pids.size).toBe(9);
  });

  it("joins one enterprise's registration, permit, penalties, emissions and outfalls across units", async () => {
    const e = demoEnterprises().find((x) => x.penalised && x.media.includes("air") && x.media.includes("water"))!;
    const res = await postGraphQL(federation.url, CROSS_UNIT, { code: e.creditCode }, reader);
    expect(res.body.errors).toBeUndefined();
    const got = res.body.data!["enterprise"] as {
      creditCode: string; name: string; division: { code: string; name: string };
      permit: { permitNumber: string } | null; penalties: unknown[]; emissions: { month: string }[];
      outfalls: { section: { division: { name: string } } | null }[]; contaminatedSites: unknown[] | null;
    };
    expect(got.creditCode).toBe(e.creditCode);
    expect(got.name).toBe(e.name);
    expect(got.division).toEqual({ code: e.province.code, name: e.province.name });
    expect(got.penalties.length).toBeGreaterThanOrEqual(1);
    expect(new Set(got.emissions.map((m) => m.month)).size).toBe(12);
    expect(got.outfalls.length).toBeGreaterThanOrEqual(1);
    // The outfall's section comes from water, its division's name from the info centre.
    expect(got.outfalls[0]!.section?.division.name).toBe(e.province.name);
    if (got.permit) expect(got.permit.permitNumber.startsWith(e.creditCode)).toBe(true);
  });

  it("answers the README's curl examples with cross-unit data and no errors", async () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const bodies = [...readme.matchAll(/```sh\ncurl [^\n]*\/graphql[\s\S]*?-H 'x-share-purpose: WORK_REFERENCE' -d '([\s\S]*?)'\n```/g)].map((m) => m[1]!);
    expect(bodies.length).toBeGreaterThanOrEqual(3);
    for (const body of bodies) {
      const { query, variables } = JSON.parse(body) as { query: string; variables?: Record<string, unknown> };
      const res = await postGraphQL(federation.url, query, variables, reader);
      expect(res.body.errors).toBeUndefined();
      expect(JSON.stringify(res.body.data).length).toBeGreaterThan(200);
      // The five-unit join shows something from every unit (issue 15: its enterprise had none).
      const joined = res.body.data!["enterprise"] as Record<string, unknown> | undefined;
      if (joined) {
        expect(joined["permit"]).not.toBeNull();
        for (const list of ["penalties", "emissions", "outfalls"]) expect((joined[list] as unknown[]).length, list).toBeGreaterThan(0);
      }
    }
  });

  it("walks the README's application from both sides, as written, against what `npm start` runs", async () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const section = readme.slice(readme.indexOf("## Applying for access"), readme.indexOf("## The resource catalog"));
    const steps = [...section.matchAll(/^gql \$(APPLICANT|APPROVER) '(.*)'$/gm)].map((m) => ({ who: m[1]!, body: JSON.parse(m[2]!) as { query: string } }));
    expect(steps.length).toBe(6);
    const headers = {
      APPLICANT: asRequester(await tokenFor(dir.path, "permits"), "DATA_VERIFICATION"),
      APPROVER: asRequester(await tokenFor(dir.path, "enforcement", ["approver"]), "DATA_VERIFICATION"),
    } as Record<string, Record<string, string>>;
    const run = async (i: number) => (await postGraphQL(federation.url, steps[i]!.body.query, {}, headers[steps[i]!.who])).body;
    const denied = await run(0);
    expect(denied.errors?.[0]?.extensions?.["share"]).toMatchObject({ reason: "OUT_OF_SCOPE", apply: { provider: "enforcement" } });
    expect((await run(1)).data).toMatchObject({ applyForAccess: { id: "1", status: "PENDING", provider: "enforcement" } });
    expect((await run(2)).data).toMatchObject({ applications: [{ id: "1", applicant: "permits" }] });
    expect((await run(3)).data).toMatchObject({ decideApplication: { status: "APPROVED" } });
    const granted = await run(4);
    expect(granted.errors).toBeUndefined();
    expect((granted.data!["enterprise"] as { inspections: unknown[] }).inspections.length).toBeGreaterThan(0);
    expect((await run(5)).data).toMatchObject({ revokeGrant: { status: "REVOKED" } });
    expect((await run(4)).errors?.[0]?.extensions?.["share"]).toMatchObject({ reason: "OUT_OF_SCOPE" });
    // The catalog example: generated from this federation's supergraph, each item's access for the applicant.
    const catalogStep = JSON.parse(readme.match(/^gql \$APPLICANT '(\{"query":"\{ catalog.*)'$/m)![1]!) as { query: string };
    const catalog = (await postGraphQL(federation.url, catalogStep.query, {}, headers["APPLICANT"])).body;
    expect(catalog.errors).toBeUndefined();
    expect(JSON.stringify(catalog.data)).toContain('"coordinate":"Inspection.informant","sharingClass":"NOT_SHARED"');
  });

  it("answers the README's explain example: each field's decision, and where to apply", async () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const body = readme.match(/-H "authorization: Bearer \$TOKEN" -d '(\{"query":\n"query \(\$q: String!\) \{ explain[\s\S]*?)'\n```/)![1]!;
    const { query, variables } = JSON.parse(body) as { query: string; variables: Record<string, unknown> };
    const res = await postGraphQL(federation.url, query, variables, { authorization: reader["authorization"]! });
    expect(res.body.errors).toBeUndefined();
    const rows = res.body.data!["explain"] as { coordinate: string; decision: string; apply: { provider: string } | null }[];
    expect(rows).toContainEqual(expect.objectContaining({ coordinate: "Enterprise.legalRepresentative", decision: "MASKED", apply: { provider: "info-center" } }));
    expect(rows).toContainEqual(expect.objectContaining({ coordinate: "Enterprise.inspections", decision: "ALLOWED" }));
    expect(rows).toContainEqual(expect.objectContaining({ coordinate: "Inspection.informant", decision: "DENIED", reason: "NOT_SHARED" }));
  });

  it("runs the README's access-log examples for the security team as written, in a shell, with curl", async () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const section = readme.slice(readme.indexOf("## For the security team"), readme.indexOf("## Health"));
    const lines = section.match(/```sh\n([\s\S]*?)```/)![1]!.trimEnd().split("\n");
    const [tokenLine, ...rest] = lines;
    expect(tokenLine).toMatch(/^SEC=\$\(npx ecofed token /);
    // Each example: its comment line, then its curl command over several lines.
    const examples = rest.join("\n").split(/^# .*$/m).map((text) => text.trim()).filter(Boolean);
    expect(examples).toHaveLength(3);
    // A request for the examples to find: water reads a legal representative (served masked) and inspections it may not.
    const e = demoEnterprises()[3]!;
    const denied = await fetch(federation.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...reader },
      body: JSON.stringify({ query: `{ enterprise(creditCode: "${e.creditCode}") { name legalRepresentative inspections { date } } }` }),
    });
    const requestId = denied.headers.get("x-request-id")!;
    expect(((await denied.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe("SHARE_DENIED");
    const run = async (example: string): Promise<Record<string, unknown>> => {
      const script = `set -e\n${tokenLine}\n${example.replaceAll("http://127.0.0.1:4000", federation.base).replace("<x-request-id>", requestId)}`;
      const { stdout } = await execFileAsync("bash", ["-c", script], { cwd: fileURLToPath(new URL("../..", import.meta.url)), env: { ...process.env, ECOFED_DATA_DIR: dir.path } });
      const body = JSON.parse(stdout) as { data?: Record<string, unknown>; errors?: unknown };
      expect(body.errors).toBeUndefined();
      return body.data!;
    };
    type Node = Record<string, unknown>;
    const lastHour = (await run(examples[0]!))["accessLog"] as { totalCount: number; nodes: Node[] };
    expect(lastHour.totalCount).toBeGreaterThanOrEqual(1);
    expect(lastHour.nodes).toContainEqual(expect.objectContaining({ requestId, unit: "water", coordinate: "Enterprise.inspections", owner: "enforcement", purpose: "WORK_REFERENCE", reason: "PURPOSE_NOT_ALLOWED" }));
    const one = (await run(examples[1]!))["accessLog"] as { nodes: Node[] };
    expect(one.nodes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ coordinate: "Enterprise.inspections", decision: "DENIED", valueCount: 0 }),
        expect.objectContaining({ coordinate: "Enterprise.legalRepresentative", decision: "MASKED", valueCount: 1 }),
        expect.objectContaining({ coordinate: "Enterprise.name", decision: "ALLOWED", valueCount: 1 }),
      ]),
    );
    const dashboard = await run(examples[2]!);
    expect(dashboard["auditIntegrity"]).toMatchObject({ ok: true, firstBrokenId: null, problem: null });
    expect(dashboard["accessStats"]).toContainEqual(expect.objectContaining({ owner: "enforcement", decision: "DENIED" }));
  });

  it("resolves a list of stations with their readings and the info centre's division names", async () => {
    const res = await postGraphQL(
      federation.url,
      `{ airStations(divisionCode: "320000") { id division { name } readings(last: 3) { at aqi } } }`,
      {},
      reader,
    );
    expect(res.body.errors).toBeUndefined();
    const stations = res.body.data!["airStations"] as { division: { name: string }; readings: unknown[] }[];
    expect(stations.length).toBeGreaterThan(0);
    expect(stations.every((s) => s.division.name === "江苏省" && s.readings.length === 3)).toBe(true);
  });

  it("lets nobody read a unit around the gateway (SPEC §4)", async () => {
    for (const { url } of federation.units.values()) {
      const res = await postGraphQL(url, `{ __typename }`, {}, { authorization: reader["authorization"]!, "x-unit": "enforcement" });
      expect(res.status).toBe(401);
      expect(res.body.errors?.[0]?.extensions?.["code"]).toBe("UNAUTHENTICATED");
    }
  });

  it("passes a unit's argument errors through with their code", async () => {
    const res = await postGraphQL(federation.url, `{ enterprise(creditCode: "bad") { name } }`, {}, reader);
    expect(errorCodes(res.body)).toEqual([["BAD_USER_INPUT", "enterprise"]]);
    expect(res.body.errors![0]!.extensions!["argument"]).toBe("creditCode");
  });

  it("when one unit is down, resolves the rest and names the unit", async () => {
    const permits = federation.units.get("permits")!;
    process.kill(permits.pid, "SIGKILL");
    await new Promise((r) => setTimeout(r, 300));
    const e = demoEnterprises()[0]!;
    const res = await postGraphQL(
      federation.url,
      `query ($code: ID!) { enterprise(creditCode: $code) { name permit { permitNumber } } }`,
      { code: e.creditCode },
      reader,
    );
    expect(res.body.data).toEqual({ enterprise: { name: e.name, permit: null } });
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors![0]!.extensions).toMatchObject({ code: "SUBGRAPH_UNAVAILABLE", unit: "permits" });
    expect(JSON.stringify(res.body)).not.toContain("127.0.0.1");
  });

  it("stops every process it started on SIGTERM, and a restart reuses the data", async () => {
    const before = seededAt(dir.path);
    expect(await federation.process.stop()).toBe(0);
    for (const { pid } of federation.units.values()) expect(isAlive(pid)).toBe(false);

    federation = await startFederation(dir.path);
    expect(seededAt(dir.path)).toBe(before);
    const e = demoEnterprises()[42]!;
    const res = await postGraphQL(federation.url, `query ($c: ID!) { enterprise(creditCode: $c) { name } }`, { c: e.creditCode }, reader);
    expect(res.body).toEqual({ data: { enterprise: { name: e.name } } });
  });
});

// Issue 13 §2, as the operator of unit water would try it: an assertion water received on
// an ordinary fetch, replayed at other units' real processes and stretched to other requests.
describe("a unit trusts only the exact request the gateway signed", () => {
  const inspected = demoInspections().find((i) => i.informant)!;
  const leak = `{ inspection(id: "${inspected.id}") { id kind informant inspector } }`;
  /** What water receives with a fetch of `{ divisions { code } }`: an assertion for water. */
  async function capturedByWater(): Promise<{ assertion: string; request: { query: string; variables: Record<string, unknown> } }> {
    const request = { query: "{ divisions { code } }", variables: {} };
    const key = await loadOrCreatePlatformKey(dir.path);
    const context = { requestId: "r-water", requester: { unit: "water", principal: "w", roles: [] }, purpose: "WORK_REFERENCE" as const };
    return { assertion: await requestAssertion(key, context, { unit: "water", request, coordinates: ["Query.divisions", "AdministrativeDivision.code"] }), request };
  }
  const unitUrl = (unit: string): string => federation.units.get(unit)!.url;

  it("GET with the URL's query and a harmless body runs nothing (405, no informant)", async () => {
    const { assertion } = await capturedByWater();
    const res = await fetch(`${unitUrl("enforcement")}?query=${encodeURIComponent(leak)}`, {
      headers: { [ASSERTION_HEADER]: assertion, "content-type": "application/json" },
    });
    expect(res.status).toBe(405);
    expect(await res.text()).not.toContain(inspected.informant!);
  });

  it.each([["enforcement"], ["nuclear"], ["info-center"]])("water's assertion opens nothing at %s, even for the request it was signed for (401)", async (unit) => {
    const { assertion, request } = await capturedByWater();
    const res = await fetch(unitUrl(unit), { method: "POST", headers: { [ASSERTION_HEADER]: assertion, "content-type": "application/json" }, body: JSON.stringify(request) });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { data?: unknown }).data).toBeUndefined();
  });

  it("water's assertion, sent to water with another request, is refused (401)", async () => {
    const { assertion } = await capturedByWater();
    const res = await postGraphQL(unitUrl("water"), "{ divisions { code name } }", {}, { [ASSERTION_HEADER]: assertion });
    expect(res.status).toBe(401);
    expect(res.body.data).toBeUndefined();
  });

  it("a token naming the platform or an unknown unit is refused at the gateway (401), and ecofed token refuses to mint one", async () => {
    const key = await loadOrCreatePlatformKey(dir.path);
    for (const unit of ["platform", "nonexistent-unit"]) {
      const token = await signToken(key, { unit, principal: "mallory", roles: [] });
      const res = await postGraphQL(federation.url, "{ divisions { code } }", {}, asRequester(token, "WORK_REFERENCE"));
      expect(res.status).toBe(401);
      expect(res.body.data).toBeUndefined();
      const cli = await runCli(["token", "--unit", unit], { ECOFED_DATA_DIR: dir.path });
      expect(cli.code).not.toBe(0);
      expect(cli.stdout).toBe("");
      expect(cli.stderr).toMatch(unit === "platform" ? /platform itself/ : /known units: .*info-center/);
    }
  });
});
