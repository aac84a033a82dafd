import { beforeAll, describe, expect, it } from "vitest";
import { composeDemoSupergraph } from "../../cli/commands/compose.js";
import { buildCatalog } from "../../governance/catalog/build-catalog.js";
import type { AssertedAs } from "../helpers/governance-client.js";
import { as, OversightHarness } from "./oversight-harness.js";

// Friday 2026-04-03, 10:00 in Shanghai.
const h = new OversightHarness("2026-04-03T02:00:00Z");

const CHANGE = "id version unit subjects changedAt dueBy status confirmedAt confirmedBy overdue";
const VERSION = `version digest status supergraphVersion publishedBy
  diff { from to resources { added removed changed { subject } } items { added removed changed { subject changes { attribute from to } } } }
  changes { ${CHANGE} }`;
const VERSIONS = `query { catalogVersions { ${VERSION} } }`;
const PUBLISH = `mutation ($version: Int!) { publishCatalog(version: $version) { ${VERSION} history { action from to unit principal } } }`;
const CONFIRM = `mutation ($version: Int!) { confirmCatalogUpdate(version: $version) { ${CHANGE} history { action from to principal } } }`;
const CHANGES = `query ($overdue: Boolean) { catalogChanges(overdue: $overdue) { unit version overdue } }`;
const ACCESS = "coordinate access { decision reason apply { provider coordinates mutation firstStatus workingDays } }";
const CATALOG = `query ($unit: String, $resource: String, $version: Int) {
  catalog(unit: $unit, resource: $resource, version: $version) { version status published resources { name items { ${ACCESS} } } problems { code subject owner } flags { code subject owner } } }`;

interface VersionJson {
  version: number;
  status: string;
  diff: { items: { added: string[]; removed: string[]; changed: { subject: string; changes: { attribute: string; from: string; to: string }[] }[] } } | null;
  changes: { unit: string; subjects: string[]; dueBy: string; status: string }[];
  [field: string]: unknown;
}
interface ItemJson {
  coordinate: string;
  access: { decision: string; reason: string; apply: Record<string, unknown> | null };
}
interface CatalogJson {
  version: number;
  status: string;
  published: boolean;
  resources: { name: string; items: ItemJson[] }[];
  problems: { code: string; subject: string; owner: string | null }[];
  flags: { code: string; subject: string; owner: string | null }[];
}

let demo: string;
// The demo with Enterprise.penalties narrowed to permits, and Outfall.receivingWater dropped.
let changed: string;
beforeAll(async () => {
  demo = await composeDemoSupergraph({ host: "127.0.0.1", port: 4000 });
  changed = demo
    .replace('penalties: [Penalty!] @join__field(graph: ENFORCEMENT) @share(class: UNCONDITIONAL)', 'penalties: [Penalty!] @join__field(graph: ENFORCEMENT) @share(class: CONDITIONAL, conditions: {scope: ["permits"]})')
    .replace(/\n {2}receivingWater: String @share\(class: UNCONDITIONAL\)/, "");
  expect(changed.length).toBeLessThan(demo.length);
});

const versions = (): Promise<VersionJson[]> => h.ok(as.clerk("water"), VERSIONS);
const catalog = (requester: AssertedAs, variables: Record<string, unknown> = {}): Promise<CatalogJson> => h.ok(requester, CATALOG, variables);
const itemsOf = (c: CatalogJson): Map<string, ItemJson["access"]> => new Map(c.resources.flatMap((r) => r.items.map((i) => [i.coordinate, i.access])));

describe("catalog versions (Art. 10–12)", () => {
  it("Art. 10, 12: a supergraph whose catalog differs from the latest version's makes a DRAFT version; the same catalog does not", async () => {
    expect(await versions()).toEqual([]);
    expect(await h.codes(as.clerk("water"), CATALOG)).toEqual([["CATALOG_UNAVAILABLE", "catalog"]]);
    expect(await h.record(demo)).toBe(1);
    expect(await versions()).toEqual([
      { version: 1, digest: buildCatalog(demo).digest, status: "DRAFT", supergraphVersion: 1, publishedBy: null, diff: null, changes: [] },
    ]);
    expect(await h.record(demo)).toBe(1);
    // Other ports: another supergraph, the same catalog.
    expect(await h.record(await composeDemoSupergraph({ host: "10.0.0.1", port: 9000 }))).toBe(2);
    expect((await versions()).map((v) => v.version)).toEqual([1]);
    // Every governance resource states its frequency, every field its class.
    expect((await catalog(as.clerk("water"), { unit: "governance" })).problems).toEqual([]);
    // The demo blocks on nothing; its Art. 16 exceptions are flags.
    expect((await catalog(as.clerk("water"), {})).problems).toEqual([]);
    // Flags are narrowed like the items: those of the unit, of the resource.
    const enforcement = (await catalog(as.clerk("water"), { unit: "enforcement" })).flags;
    expect(enforcement.map((p) => p.subject)).toContain("Enterprise.inspections");
    expect(new Set(enforcement.map((p) => p.owner))).toEqual(new Set(["enforcement"]));
    const inspection = (await catalog(as.clerk("water"), { resource: "Inspection" })).flags;
    expect(inspection.map((p) => p.subject)).toContain("Inspection.informant");
    expect(inspection.every((p) => p.subject.startsWith("Inspection."))).toBe(true);
  });

  it("Art. 12: a changed schema makes a new version with its diff, and a change per affected unit due 15 working days after the change day", async () => {
    h.at("2026-04-23T02:00:00Z"); // Thursday; Labour Day (05-01…05-05) and the 05-09 make-up day follow
    expect(await h.record(changed)).toBe(3);
    const [latest] = await versions();
    expect(latest).toMatchObject({ version: 2, status: "DRAFT", supergraphVersion: 3, diff: { items: { added: [], removed: ["Outfall.receivingWater"] } } });
    expect(latest!.diff!.items.changed).toEqual([
      {
        subject: "Enterprise.penalties",
        changes: [
          { attribute: "sharingClass", from: '"UNCONDITIONAL"', to: '"CONDITIONAL"' },
          { attribute: "scope", from: "[]", to: '["permits"]' },
          { attribute: "conditions", from: "null", to: '{"approval":false,"mask":"NONE"}' },
          { attribute: "sharingMethod", from: '"GraphQL federation query via the gateway"', to: expect.stringContaining("for units in scope") },
        ],
      },
    ]);
    expect(latest!.changes.map(({ unit, subjects, dueBy, status }) => ({ unit, subjects, dueBy, status }))).toEqual([
      { unit: "enforcement", subjects: ["Enterprise.penalties"], dueBy: "2026-05-18", status: "AWAITING_CONFIRMATION" },
      { unit: "water", subjects: ["Outfall.receivingWater"], dueBy: "2026-05-18", status: "AWAITING_CONFIRMATION" },
    ]);
    const notes = await h.ok<{ event: { subject: string; action: string; to: string } }[]>(as.clerk("water"), "query { notifications { event { subject action to } } }");
    expect(notes.map((n) => n.event)).toEqual([{ subject: "CATALOG_CHANGE", action: "RECORD", to: "AWAITING_CONFIRMATION" }]);
  });

  it("Art. 11: only the leading group publishes a draft, once, never behind a newer one; the catalog is the version published last", async () => {
    expect(await catalog(as.clerk("water"), { unit: "water" })).toMatchObject({ version: 2, status: "DRAFT", published: false });
    expect(await h.codes(as.clerk("water"), PUBLISH, { version: 2 })).toEqual([["FORBIDDEN", "publishCatalog"]]);
    expect(await h.codes(as.cacOffice, PUBLISH, { version: 2 })).toEqual([["FORBIDDEN", "publishCatalog"]]);
    expect(await h.codes(as.leadingGroup, PUBLISH, { version: 9 })).toEqual([["NOT_FOUND", "publishCatalog"]]);
    const published = await h.ok<VersionJson>(as.leadingGroup, PUBLISH, { version: 2 });
    expect(published).toMatchObject({ version: 2, status: "PUBLISHED", publishedBy: "lg-member" });
    expect(published["history"]).toEqual([
      { action: "RECORD", from: null, to: "DRAFT", unit: "platform", principal: "gateway" },
      { action: "PUBLISH", from: "DRAFT", to: "PUBLISHED", unit: "info-center", principal: "lg-member" },
    ]);
    expect(await h.codes(as.leadingGroup, PUBLISH, { version: 2 })).toEqual([["INVALID_TRANSITION", "publishCatalog"]]);
    expect(await h.codes(as.leadingGroup, PUBLISH, { version: 1 })).toEqual([["INVALID_TRANSITION", "publishCatalog"]]);
    expect(await catalog(as.clerk("water"), { unit: "water" })).toMatchObject({ version: 2, status: "PUBLISHED", published: true });
    expect(await catalog(as.clerk("water"), { unit: "water", version: 1 })).toMatchObject({ version: 1, status: "DRAFT", published: false });
  });

  it("Art. 12: the unit's approver confirms; unconfirmed changes past their due day are listed as overdue", async () => {
    expect(await h.codes(as.clerk("water"), CONFIRM, { version: 2 })).toEqual([["FORBIDDEN", "confirmCatalogUpdate"]]);
    expect(await h.codes(as.approver("permits"), CONFIRM, { version: 2 })).toEqual([["NOT_FOUND", "confirmCatalogUpdate"]]);
    h.at("2026-05-18T09:00:00Z"); // 17:00 on the due day
    expect(await h.ok(as.approver("enforcement"), CONFIRM, { version: 2 })).toMatchObject({
      unit: "enforcement",
      status: "CONFIRMED",
      confirmedAt: "2026-05-18T09:00:00.000Z",
      confirmedBy: "enforcement-approver",
      overdue: false,
      history: [
        { action: "RECORD", from: null, to: "AWAITING_CONFIRMATION", principal: "gateway" },
        { action: "CONFIRM", from: "AWAITING_CONFIRMATION", to: "CONFIRMED", principal: "enforcement-approver" },
      ],
    });
    expect(await h.codes(as.approver("enforcement"), CONFIRM, { version: 2 })).toEqual([["INVALID_TRANSITION", "confirmCatalogUpdate"]]);
    expect(await h.ok(as.clerk("soil"), CHANGES, { overdue: true })).toEqual([]);
    h.at("2026-05-18T16:00:00Z"); // 00:00 on 05-19 in Shanghai
    expect(await h.ok(as.clerk("soil"), CHANGES, { overdue: true })).toEqual([{ unit: "water", version: 2, overdue: true }]);
    expect(await h.ok(as.clerk("soil"), CHANGES, { overdue: false })).toEqual([{ unit: "enforcement", version: 2, overdue: false }]);
    expect(await h.ok(as.clerk("soil"), CHANGES)).toEqual([{ unit: "water", version: 2, overdue: true }, { unit: "enforcement", version: 2, overdue: false }]);
    expect(await h.ok(as.approver("water"), CONFIRM, { version: 2 })).toMatchObject({ status: "CONFIRMED", overdue: false });
    expect(await h.ok(as.clerk("soil"), CHANGES, { overdue: true })).toEqual([]);
  });

  it("Art. 10, 21–23: each item tells the requester whether it can read it now and how to apply, and changes with a grant and a suspension", async () => {
    const enforcement = async (requester: AssertedAs) => itemsOf(await catalog(requester, { unit: "enforcement", resource: "Enterprise" }));
    const permits = as.clerk("permits", "BUSINESS_COLLABORATION");
    // The item and the conditional fields of what it returns (issue 15); not the NOT_SHARED informant.
    const inspectionFields = ["id", "date", "kind", "result", "inspector"].map((f) => `Inspection.${f}`);
    const inspectionsApply = { provider: "enforcement", coordinates: ["Enterprise.inspections", ...inspectionFields], mutation: "applyForAccess", firstStatus: "PENDING", workingDays: 5 };
    expect(Object.fromEntries(await enforcement(permits))).toEqual({
      "Enterprise.inspections": { decision: "DENIED", reason: "OUT_OF_SCOPE", apply: inspectionsApply },
      "Enterprise.penalties": { decision: "ALLOWED", reason: "SHARED", apply: null },
    });
    expect(Object.fromEntries(await enforcement(as.clerk("water", "BUSINESS_COLLABORATION")))).toEqual({
      "Enterprise.inspections": { decision: "ALLOWED", reason: "SHARED", apply: null },
      "Enterprise.penalties": { decision: "DENIED", reason: "OUT_OF_SCOPE", apply: { ...inspectionsApply, coordinates: ["Enterprise.penalties"] } },
    });
    expect((await enforcement(as.clerk("water", "WORK_REFERENCE"))).get("Enterprise.inspections")).toEqual({ decision: "DENIED", reason: "PURPOSE_NOT_ALLOWED", apply: null });
    expect((await enforcement(as.clerk("water"))).get("Enterprise.inspections")).toEqual({ decision: "DENIED", reason: "PURPOSE_REQUIRED", apply: null });
    expect((await enforcement(as.clerk("enforcement"))).get("Enterprise.inspections")).toEqual({ decision: "ALLOWED", reason: "OWN_DATA", apply: null });
    // Art. 23(4): an external department's application waits for the leading group, 10 working days.
    expect((await enforcement({ unit: "ext:mnr", purpose: "DATA_VERIFICATION" })).get("Enterprise.inspections")!.apply).toMatchObject({ firstStatus: "AWAITING_ENDORSEMENT", workingDays: 10 });
    // Art. 22: NOT_SHARED data is opened by the cac-office's coordination only.
    const informant = itemsOf(await catalog(permits, { resource: "Inspection" })).get("Inspection.informant");
    expect(informant).toEqual({
      decision: "DENIED",
      reason: "NOT_SHARED",
      apply: { provider: "enforcement", coordinates: ["Inspection.informant"], mutation: "applyForAccess", firstStatus: "ESCALATED", workingDays: 5 },
    });
    // An item the published version lists but the federation no longer serves.
    expect(itemsOf(await catalog(permits, { resource: "Outfall", version: 1 })).get("Outfall.receivingWater")).toEqual({ decision: "DENIED", reason: "NOT_SERVED", apply: null });

    const APPLY = `mutation ($input: ApplyInput!) { applyForAccess(input: $input) { id } }`;
    const { id } = await h.ok<{ id: string }>(permits, APPLY, { input: { coordinates: ["Enterprise.inspections"], purpose: "BUSINESS_COLLABORATION", justification: "joint inspections" } });
    await h.ok(as.approver("enforcement"), `mutation ($id: ID!) { decideApplication(id: $id, approve: true) { status } }`, { id });
    expect((await enforcement(permits)).get("Enterprise.inspections")).toEqual({ decision: "ALLOWED", reason: "GRANTED", apply: null });

    await h.ok(as.cacOffice, `mutation { suspendUnit(unit: "permits", reason: "misuse") { active } }`);
    expect(Object.fromEntries(await enforcement(permits))).toEqual({
      "Enterprise.inspections": { decision: "DENIED", reason: "SUSPENDED", apply: null },
      "Enterprise.penalties": { decision: "DENIED", reason: "SUSPENDED", apply: null },
    });
    expect(itemsOf(await catalog(permits, { unit: "permits" })).get("Enterprise.permit")).toEqual({ decision: "ALLOWED", reason: "OWN_DATA", apply: null });
  });
});
