import { describe, expect, it } from "vitest";
import { composeDemoSupergraph } from "../../cli/commands/compose.js";
import type { AssertedAs } from "../helpers/governance-client.js";
import { as, OversightHarness } from "./oversight-harness.js";

// Friday 2026-04-03, 10:00 in Shanghai: Qingming (04-04…04-06) follows.
const h = new OversightHarness("2026-04-03T02:00:00Z");

const ISSUE = "id reporter reportedBy provider coordinate recordKey kind description status reportedAt dueBy verdict answer answeredAt answeredBy overdue";
const REPORT = `mutation ($input: DataIssueInput!) { reportDataIssue(input: $input) { ${ISSUE} } }`;
const ANSWER = `mutation ($id: ID!, $verdict: DataIssueVerdict!, $answer: String!) { answerDataIssue(id: $id, verdict: $verdict, answer: $answer) {
  ${ISSUE} history { action from to unit principal reason } } }`;
const ISSUES = `query ($filter: DataIssueFilter) { dataIssues(filter: $filter) { id overdue } }`;
const OUTCOME = `mutation ($input: OutcomeInput!) { reportOutcome(input: $input) { id reporter reportedBy coordinates providers description benefit reportedAt } }`;
const OUTCOMES = `query ($unit: String) { outcomes(unit: $unit) { id } }`;
const NOTIFICATIONS = `query { notifications { event { subject subjectId action to } } }`;

const penaltyError = { coordinate: "Enterprise.penalties", recordKey: "91110000100000001X", kind: "ERROR", description: "the 2025 fine is listed twice" };

describe("quality feedback (Art. 7(4), 8(2), 8(3))", () => {
  let issueId: string;

  it("Art. 8(2): a user reports an error on another unit's data item; the provider is told and has 5 working days", async () => {
    expect(await h.codes(as.clerk("water"), REPORT, { input: penaltyError })).toEqual([["CATALOG_UNAVAILABLE", "reportDataIssue"]]);
    await h.record(await composeDemoSupergraph({ host: "127.0.0.1", port: 4000 }));
    const issue = await h.ok<Record<string, unknown>>(as.clerk("water"), REPORT, { input: penaltyError });
    issueId = issue["id"] as string;
    expect(issue).toEqual({
      id: issueId,
      reporter: "water",
      reportedBy: "water-clerk",
      provider: "enforcement",
      coordinate: "Enterprise.penalties",
      recordKey: "91110000100000001X",
      kind: "ERROR",
      description: "the 2025 fine is listed twice",
      status: "OPEN",
      reportedAt: "2026-04-03T02:00:00.000Z",
      dueBy: "2026-04-13", // Friday + 5 working days, across Qingming
      verdict: null,
      answer: null,
      answeredAt: null,
      answeredBy: null,
      overdue: false,
    });
    expect(await h.ok(as.clerk("enforcement"), NOTIFICATIONS)).toEqual([{ event: { subject: "DATA_ISSUE", subjectId: issueId, action: "REPORT", to: "OPEN" } }]);
  });

  it.each([
    ["the provider on its own data", as.clerk("enforcement"), penaltyError, "FORBIDDEN"],
    ["an item the catalog does not have", as.clerk("water"), { ...penaltyError, coordinate: "Enterprise.secretSauce" }, "BAD_USER_INPUT"],
    ["a blank description", as.clerk("water"), { ...penaltyError, description: "  " }, "BAD_USER_INPUT"],
  ])("Art. 8(2): refuses a report by %s", async (_name, requester, input, code) => {
    expect(await h.codes(requester, REPORT, { input })).toEqual([[code, "reportDataIssue"]]);
  });

  it("Art. 7(4): only the provider's approver answers, with an answer, once", async () => {
    const answer = (requester: AssertedAs, text: string) => h.codes(requester, ANSWER, { id: issueId, verdict: "CORRECTED", answer: text });
    expect(await answer(as.clerk("water"), "fixed")).toEqual([["FORBIDDEN", "answerDataIssue"]]);
    expect(await answer(as.clerk("enforcement"), "fixed")).toEqual([["FORBIDDEN", "answerDataIssue"]]);
    expect(await answer(as.approver("atmosphere"), "fixed")).toEqual([["FORBIDDEN", "answerDataIssue"]]);
    expect(await answer(as.approver("enforcement"), " ")).toEqual([["REASON_REQUIRED", "answerDataIssue"]]);
    expect(await h.codes(as.approver("enforcement"), ANSWER, { id: "999", verdict: "CORRECTED", answer: "x" })).toEqual([["NOT_FOUND", "answerDataIssue"]]);
    h.at("2026-04-08T02:00:00Z");
    expect(await h.ok(as.approver("enforcement"), ANSWER, { id: issueId, verdict: "CORRECTED", answer: " duplicate removed " })).toMatchObject({
      status: "ANSWERED",
      verdict: "CORRECTED",
      answer: "duplicate removed",
      answeredAt: "2026-04-08T02:00:00.000Z",
      answeredBy: "enforcement-approver",
      overdue: false,
      history: [
        { action: "REPORT", from: null, to: "OPEN", unit: "water", principal: "water-clerk", reason: null },
        { action: "ANSWER", from: "OPEN", to: "ANSWERED", unit: "enforcement", principal: "enforcement-approver", reason: "CORRECTED: duplicate removed" },
      ],
    });
    expect(await answer(as.approver("enforcement"), "again")).toEqual([["INVALID_TRANSITION", "answerDataIssue"]]);
  });

  it("Art. 7(4): an issue unanswered past its due day is listed as overdue, to its parties and the overseers only", async () => {
    h.at("2026-04-03T02:00:00Z");
    const { id } = await h.ok<{ id: string }>(as.clerk("atmosphere"), REPORT, { input: { coordinate: "Outfall.name", kind: "DOUBT", description: "two outfalls share a name" } });
    h.at("2026-04-13T15:59:59Z"); // 23:59:59 on the due day
    expect(await h.ok(as.cacOffice, ISSUES, { filter: { overdue: true } })).toEqual([]);
    h.at("2026-04-13T16:00:00Z");
    expect(await h.ok(as.cacOffice, ISSUES, { filter: { overdue: true } })).toEqual([{ id, overdue: true }]);
    expect(await h.ok(as.cacOffice, ISSUES, { filter: { overdue: false } })).toEqual([{ id: issueId, overdue: false }]);
    // water reported the first and provides the second.
    expect(await h.ok(as.clerk("water"), ISSUES)).toEqual([{ id, overdue: true }, { id: issueId, overdue: false }]);
    expect(await h.ok(as.clerk("water"), ISSUES, { filter: { provider: "water" } })).toEqual([{ id, overdue: true }]);
    expect(await h.ok(as.clerk("atmosphere"), ISSUES)).toEqual([{ id, overdue: true }]);
    expect(await h.ok(as.clerk("soil"), ISSUES)).toEqual([]);
    expect(await h.ok(as.security, ISSUES, { filter: { unit: "water", kind: "DOUBT" } })).toEqual([{ id, overdue: true }]);
  });

  it("Art. 8(3): a user reports outcomes achieved with shared data; its providers and the overseers see them", async () => {
    const input = { coordinates: ["Enterprise.penalties", "Enterprise.name", "Enterprise.penalties"], description: "joint river patrol found 3 illegal outfalls", benefit: "2 weeks saved" };
    expect(await h.codes(as.clerk("water"), OUTCOME, { input: { ...input, coordinates: ["Outfall.name"] } })).toEqual([["BAD_USER_INPUT", "reportOutcome"]]);
    expect(await h.codes(as.clerk("water"), OUTCOME, { input: { ...input, coordinates: ["Enterprise.nope"] } })).toEqual([["BAD_USER_INPUT", "reportOutcome"]]);
    expect(await h.codes(as.clerk("water"), OUTCOME, { input: { ...input, coordinates: [] } })).toEqual([["BAD_USER_INPUT", "reportOutcome"]]);
    expect(await h.codes(as.clerk("water"), OUTCOME, { input: { ...input, description: "" } })).toEqual([["BAD_USER_INPUT", "reportOutcome"]]);
    const outcome = await h.ok<{ id: string }>(as.clerk("water"), OUTCOME, { input });
    expect(outcome).toEqual({
      id: outcome.id,
      reporter: "water",
      reportedBy: "water-clerk",
      coordinates: ["Enterprise.name", "Enterprise.penalties"],
      providers: ["enforcement", "info-center"],
      description: "joint river patrol found 3 illegal outfalls",
      benefit: "2 weeks saved",
      reportedAt: "2026-04-13T16:00:00.000Z",
    });
    const only = [{ id: outcome.id }];
    expect(await h.ok(as.clerk("enforcement"), OUTCOMES)).toEqual(only);
    expect(await h.ok(as.clerk("info-center"), OUTCOMES)).toEqual(only);
    expect(await h.ok(as.clerk("soil"), OUTCOMES)).toEqual([]);
    expect(await h.ok(as.clerk("soil"), OUTCOMES, { unit: "water" })).toEqual([]);
    expect(await h.ok(as.security, OUTCOMES, { unit: "info-center" })).toEqual(only);
    expect(await h.ok(as.cacOffice, OUTCOMES, { unit: "soil" })).toEqual([]);
    expect((await h.ok<{ event: { subject: string } }[]>(as.clerk("info-center"), NOTIFICATIONS))[0]).toEqual({
      event: { subject: "OUTCOME", subjectId: outcome.id, action: "REPORT", to: "REPORTED" },
    });
  });
});
