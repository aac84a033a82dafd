import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { AccessEvent } from "../../audit/access-event.js";
import { AuditWriter } from "../../audit/audit-writer.js";
import { checkpointSigner } from "../../audit/checkpoint-signer.js";
import { AUDIT_STORE_FILE, auditMigrations } from "../../audit/migrations.js";
import type { SharePurpose } from "../../directives/share/rule.js";
import { loadOrCreatePlatformKey } from "../../gateway/identity/platform-key.js";
import { openStore } from "../../storage/sqlite-store.js";
import { composeFixture } from "../catalog/fixture.js";
import type { AssertedAs } from "../helpers/governance-client.js";
import { as, OversightHarness } from "./oversight-harness.js";

/**
 * A small federation whose catalog figures are known by heart. lab's 7 items: 5 shared (not
 * analyst, NOT_SHARED, nor internalCode, unclassified); 3 complete (note has no description,
 * internalCode no class, batch and Batch.code no frequency: Batch has no @resource).
 */
const LAB = `
type Query { samples: [Sample!]! @share(class: UNCONDITIONAL) }
"""A water sample, as the lab analyses it."""
type Sample @key(fields: "id") @resource(updateFrequency: DAILY, category: "水环境管理") {
  """Its number."""
  id: ID! @share(class: UNCONDITIONAL)
  """Concentration, mg/L."""
  value: Float @share(class: CONDITIONAL, conditions: { scope: ["field"], purposes: [DATA_VERIFICATION] })
  """Who analysed it."""
  analyst: String @share(class: NOT_SHARED, basis: "个人信息保护法 第三十四条")
  note: String @share(class: UNCONDITIONAL)
  """The lab's own code."""
  internalCode: String
  """The batch it was analysed in."""
  batch: Batch @share(class: UNCONDITIONAL)
}
"""A batch of analyses."""
type Batch {
  """Its code."""
  code: String @share(class: UNCONDITIONAL)
}
`;
const FIELD = `
type Query { stations: [Station!]! @share(class: UNCONDITIONAL) }
"""A monitoring station."""
type Station @resource(updateFrequency: HOURLY, category: "水环境管理") {
  """Its code."""
  code: ID! @share(class: UNCONDITIONAL)
}
`;
// Version 2 changes one item of each unit: lab's note narrowed, field's depth added.
const LAB_2 = LAB.replace("note: String @share(class: UNCONDITIONAL)", 'note: String @share(class: CONDITIONAL, conditions: { scope: ["field"] })');
const FIELD_2 = FIELD.replace("code: ID! @share(class: UNCONDITIONAL)", 'code: ID! @share(class: UNCONDITIONAL)\n  """Depth, m."""\n  depth: Float @share(class: UNCONDITIONAL)');

const h = new OversightHarness("2026-05-20T02:00:00Z");
const field = as.clerk("field");
const ext = as.clerk("ext:mnr");

const APPLY = `mutation ($input: ApplyInput!) { applyForAccess(input: $input) { id } }`;
const DECIDE = `mutation ($id: ID!, $approve: Boolean!, $reason: String) { decideApplication(id: $id, approve: $approve, reason: $reason) { status } }`;
const REPORT = `mutation ($input: DataIssueInput!) { reportDataIssue(input: $input) { id } }`;
const ANSWER = `mutation ($id: ID!) { answerDataIssue(id: $id, verdict: CONFIRMED, answer: "checked") { status } }`;
const CONFIRM = `mutation { confirmCatalogUpdate(version: 2) { status } }`;
const RATIO = "numerator denominator value";
const FIGURES = `total inTime late overdue pending withdrawn answeredInTime { ${RATIO} }`;
const EVALUATION = `unit from to asOf catalogVersion shareRatio { ${RATIO} } catalogCompleteness { ${RATIO} } resourcesWithFrequency { ${RATIO} }
  freshnessMeasured applications { ${FIGURES} } dataIssues { ${FIGURES} } catalogChanges { ${FIGURES} }
  misuse { measured denied { ${RATIO} } purposeSpread { coordinate purposes records } }`;
const EVALUATE = `query ($unit: String, $from: Date, $to: Date) { evaluation(unit: $unit, from: $from, to: $to) { ${EVALUATION} } }`;
const BY_PERIOD = `query ($unit: String, $period: EvaluationPeriod!, $from: Date!, $to: Date) {
  evaluationsByPeriod(unit: $unit, period: $period, from: $from, to: $to) { period from to units { unit applications { ${FIGURES} } misuse { denied { ${RATIO} } } } } }`;

const apply = async (requester: AssertedAs, at: string): Promise<string> => {
  h.at(at);
  const input = { coordinates: ["Sample.value"], purpose: "DATA_VERIFICATION", justification: "cross-check field readings" };
  return (await h.ok<{ id: string }>(requester, APPLY, { input })).id;
};
const decide = async (id: string, at: string, approve: boolean): Promise<void> => {
  h.at(at);
  await h.ok(as.approver("lab"), DECIDE, { id, approve, reason: approve ? null : "not needed: field is in scope" });
};
const report = async (requester: AssertedAs, coordinate: string, at: string): Promise<string> => {
  h.at(at);
  return (await h.ok<{ id: string }>(requester, REPORT, { input: { coordinate, kind: "DOUBT", description: "looks off" } })).id;
};

// The data set, made in time order through the API, as its users would (10:00 Shanghai unless said).
beforeAll(async () => {
  await h.record(composeFixture({ lab: LAB, field: FIELD })); // 05-20: version 1, nothing to confirm
  await decide(await apply(field, "2026-05-20T02:00:00Z"), "2026-05-21T02:00:00Z", true); // May: in time
  h.at("2026-06-01T02:00:00Z"); // Monday
  await h.record(composeFixture({ lab: LAB_2, field: FIELD_2 })); // version 2: both units due 06-23
  const inTime = await apply(field, "2026-06-01T02:00:00Z"); // due 06-08
  const late = await apply(field, "2026-06-01T02:00:00Z");
  await apply(ext, "2026-06-01T02:00:00Z"); // external: due 06-15, never answered
  const withdrawn = await apply(field, "2026-06-01T02:00:00Z");
  h.at("2026-06-02T02:00:00Z");
  await h.ok(field, `mutation ($id: ID!) { withdrawApplication(id: $id) { status } }`, { id: withdrawn });
  const answered = await report(field, "Sample.note", "2026-06-02T02:00:00Z"); // due 06-09
  await report(ext, "Sample.id", "2026-06-02T02:00:00Z"); // never answered
  const onField = await report(as.clerk("lab"), "Station.code", "2026-06-02T02:00:00Z");
  await decide(inTime, "2026-06-03T02:00:00Z", true);
  h.at("2026-06-04T02:00:00Z");
  await h.ok(as.approver("lab"), ANSWER, { id: answered });
  await decide(late, "2026-06-10T02:00:00Z", false);
  h.at("2026-06-12T02:00:00Z");
  await h.ok(as.approver("field"), ANSWER, { id: onField }); // late
  h.at("2026-06-25T02:00:00Z");
  await h.ok(as.approver("lab"), CONFIRM); // late; field never confirms
  await apply(field, "2026-06-29T02:00:00Z"); // due 07-06
  h.at("2026-07-15T02:00:00Z");
});

const ratio = (numerator: number, denominator: number) => ({ numerator, denominator, value: denominator === 0 ? null : numerator / denominator });
const figures = (counts: Partial<Record<"inTime" | "late" | "overdue" | "pending" | "withdrawn", number>>) => {
  const c = { inTime: 0, late: 0, overdue: 0, pending: 0, withdrawn: 0, ...counts };
  return { total: c.inTime + c.late + c.overdue + c.pending + c.withdrawn, ...c, answeredInTime: ratio(c.inTime, c.inTime + c.late + c.overdue) };
};
const JUNE = { from: "2026-06-01", to: "2026-06-30", asOf: "2026-06-30", catalogVersion: 2, freshnessMeasured: false };

describe("evaluation (Art. 28)", () => {
  it("Art. 28: with no access log to read, misuse is reported as not measured rather than clean", async () => {
    const evaluations = await h.ok<{ unit: string; misuse: unknown }[]>(as.cacOffice, EVALUATE, { from: "2026-06-01", to: "2026-06-30" });
    expect(evaluations.map((e) => [e.unit, e.misuse])).toEqual([
      ["field", { measured: false, denied: ratio(0, 0), purposeSpread: [] }],
      ["lab", { measured: false, denied: ratio(0, 0), purposeSpread: [] }],
    ]);
  });

  describe("with the access log the gateway wrote", () => {
    beforeAll(async () => {
      const key = await loadOrCreatePlatformKey(h.dataDir);
      const db = openStore({ file: join(h.dataDir, AUDIT_STORE_FILE), migrations: auditMigrations });
      const writer = new AuditWriter(db, checkpointSigner(() => key));
      const read = (unit: string, coordinate: string, owner: string, purpose: SharePurpose | null, denied: boolean, at: string): AccessEvent => ({
        at, requestId: `r-${at}-${coordinate}`, unit, principal: `${unit}-clerk`, purpose, coordinate, owner, shareClass: "UNCONDITIONAL",
        decision: denied ? "DENIED" : "ALLOWED", reason: denied ? "PURPOSE_NOT_ALLOWED" : "SHARED", grantId: null, operationName: null,
        operationHash: "h", clientName: null, clientVersion: null, valueCount: denied ? 0 : 1, policyVersion: "p",
      });
      await writer.append([
        read("field", "Sample.value", "lab", "ADMINISTRATIVE_BASIS", true, "2026-05-25T02:00:00.000Z"),
        read("field", "Sample.id", "lab", null, true, "2026-05-31T15:59:59.999Z"), // 23:59:59.999 on 05-31 in Shanghai: May
        read("field", "Sample.note", "lab", "WORK_REFERENCE", false, "2026-05-31T16:00:00.000Z"), // 00:00 on 06-01: June
        read("field", "Sample.value", "lab", "DATA_VERIFICATION", false, "2026-06-03T02:00:00.000Z"),
        read("field", "Sample.value", "lab", "WORK_REFERENCE", true, "2026-06-04T02:00:00.000Z"),
        read("field", "Sample.value", "lab", "BUSINESS_COLLABORATION", true, "2026-06-05T02:00:00.000Z"),
        read("field", "Sample.note", "lab", "ADMINISTRATIVE_BASIS", false, "2026-06-05T03:00:00.000Z"),
        read("field", "Sample.analyst", "lab", "DATA_VERIFICATION", true, "2026-06-06T02:00:00.000Z"),
        read("field", "Station.code", "field", null, false, "2026-06-06T03:00:00.000Z"), // its own data: not counted
        read("field", "Sample.id", "lab", null, true, "2026-06-07T02:00:00.000Z"),
        read("lab", "Station.code", "field", "WORK_REFERENCE", false, "2026-06-10T02:00:00.000Z"),
      ]);
      await writer.close();
      db.close();
    });

    it("Art. 28: June's figures for each provider, every one with its numerator and denominator", async () => {
      expect(await h.ok(as.cacOffice, EVALUATE, { from: "2026-06-01", to: "2026-06-30" })).toEqual([
        {
          unit: "field",
          ...JUNE,
          shareRatio: ratio(2, 2),
          catalogCompleteness: ratio(2, 2),
          resourcesWithFrequency: ratio(1, 1),
          applications: figures({}),
          dataIssues: figures({ late: 1 }),
          catalogChanges: figures({ overdue: 1 }),
          misuse: {
            measured: true,
            denied: ratio(4, 7),
            purposeSpread: [
              { coordinate: "Sample.value", purposes: ["WORK_REFERENCE", "DATA_VERIFICATION", "BUSINESS_COLLABORATION"], records: 3 },
              { coordinate: "Sample.note", purposes: ["ADMINISTRATIVE_BASIS", "WORK_REFERENCE"], records: 2 },
            ],
          },
        },
        {
          unit: "lab",
          ...JUNE,
          shareRatio: ratio(5, 7),
          catalogCompleteness: ratio(3, 7),
          resourcesWithFrequency: ratio(1, 2),
          applications: figures({ inTime: 1, late: 1, overdue: 1, pending: 1, withdrawn: 1 }),
          dataIssues: figures({ inTime: 1, overdue: 1 }),
          catalogChanges: figures({ late: 1 }),
          misuse: { measured: true, denied: ratio(0, 1), purposeSpread: [] },
        },
      ]);
    });

    it("Art. 28: a closed period stands at its end; one still running stands at today", async () => {
      const [running] = await h.ok<{ asOf: string; applications: unknown }[]>(as.cacOffice, EVALUATE, { unit: "lab", from: "2026-06-01", to: "2026-07-31" });
      // The application of 06-29, due 07-06, was pending at the end of June; on 07-15 it is overdue.
      expect(running).toMatchObject({ asOf: "2026-07-15", applications: figures({ inTime: 1, late: 1, overdue: 2, withdrawn: 1 }) });
      const [sinceStart] = await h.ok<{ from: string | null; applications: unknown }[]>(as.cacOffice, EVALUATE, { unit: "lab" });
      expect(sinceStart).toMatchObject({ from: null, applications: figures({ inTime: 2, late: 1, overdue: 2, withdrawn: 1 }) });
    });

    it("Art. 28: periodic evaluations by month and by quarter, each period cut to the asked range", async () => {
      const months = await h.ok(as.cacOffice, BY_PERIOD, { unit: "field", period: "MONTH", from: "2026-05-15", to: "2026-06-30" });
      expect(months).toEqual([
        { period: "2026-05", from: "2026-05-15", to: "2026-05-31", units: [{ unit: "field", applications: figures({}), misuse: { denied: ratio(2, 2) } }] },
        { period: "2026-06", from: "2026-06-01", to: "2026-06-30", units: [{ unit: "field", applications: figures({}), misuse: { denied: ratio(4, 7) } }] },
      ]);
      const quarter = await h.ok<{ period: string; units: { unit: string; applications: unknown }[] }[]>(as.security, BY_PERIOD, { period: "QUARTER", from: "2026-04-01", to: "2026-06-30" });
      expect(quarter.map((q) => [q.period, q.units.map((u) => [u.unit, u.applications])])).toEqual([
        ["2026-Q2", [["field", figures({})], ["lab", figures({ inTime: 2, late: 1, overdue: 1, pending: 1, withdrawn: 1 })]]],
      ]);
      expect(await h.codes(as.cacOffice, BY_PERIOD, { period: "YEAR", from: "2026-07-01", to: "2026-06-30" })).toEqual([["BAD_USER_INPUT", "evaluationsByPeriod"]]);
      expect(await h.codes(as.cacOffice, BY_PERIOD, { period: "MONTH", from: "2000-01-01", to: "2026-06-30" })).toEqual([["BAD_USER_INPUT", "evaluationsByPeriod"]]);
    });

    it("Art. 28: the cac-office, leading group and security team evaluate any unit; a unit only itself", async () => {
      const units = async (requester: AssertedAs, unit: string | null) =>
        (await h.ok<{ unit: string }[]>(requester, EVALUATE, { unit, to: "2026-06-30" })).map((e) => e.unit);
      expect(await units(as.leadingGroup, null)).toEqual(["field", "lab"]);
      expect(await units(as.security, "lab")).toEqual(["lab"]);
      expect(await units(as.clerk("lab"), null)).toEqual(["lab"]);
      expect(await units(as.approver("lab"), "lab")).toEqual(["lab"]);
      expect(await h.codes(as.approver("lab"), EVALUATE, { unit: "field" })).toEqual([["FORBIDDEN", "evaluation"]]);
      expect(await h.codes(as.clerk("lab"), BY_PERIOD, { unit: "field", period: "MONTH", from: "2026-06-01" })).toEqual([["FORBIDDEN", "evaluationsByPeriod"]]);
      expect(await h.codes(as.cacOffice, EVALUATE, { from: "2026-07-01", to: "2026-06-30" })).toEqual([["BAD_USER_INPUT", "evaluation"]]);
      // A unit nobody knows is bad input, not a row named after it (issue 15).
      expect(await h.codes(as.cacOffice, EVALUATE, { unit: "no-such-unit", to: "2026-06-30" })).toEqual([["BAD_USER_INPUT", "evaluation"]]);
      expect(await h.codes(as.cacOffice, `mutation { suspendUnit(unit: "wter", reason: "typo") { unit } }`)).toEqual([["BAD_USER_INPUT", "suspendUnit"]]);
    });
  });
});
