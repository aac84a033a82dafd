import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoEnterprises } from "../../demo/enterprises.js";
import type { Grant } from "../../directives/share/evaluate.js";
import type { GrantSource } from "../../gateway/enforcement/grant-source.js";
import { postGraphQL, type GraphQLResponse } from "../helpers/graphql-client.js";
import { startInProcessFederation, type InProcessFederation } from "../helpers/in-process-federation.js";
import { asRequester, tokenFor } from "../helpers/tokens.js";

/** Grants and suspensions a test changes between requests, as governance will. */
class ChangingGrants implements GrantSource {
  private grants: Grant[] = [];
  private suspended = new Set<string>();
  private revision = 0;
  refresh = (): void => undefined;
  version = (): string => String(this.revision);
  grantsOf = (unit: string): Grant[] => this.grants.filter((g) => g.unit === unit);
  isSuspended = (unit: string): boolean => this.suspended.has(unit);
  grant(g: Grant): void {
    this.grants.push(g);
    this.revision++;
  }
  revoke(id: string): void {
    this.grants = this.grants.filter((g) => g.id !== id);
    this.revision++;
  }
  suspend(unit: string, on: boolean): void {
    if (on) this.suspended.add(unit);
    else this.suspended.delete(unit);
    this.revision++;
  }
}

const grants = new ChangingGrants();
let fed: InProcessFederation;
beforeAll(async () => {
  fed = await startInProcessFederation({ grants });
});
afterAll(() => fed?.stop());

const e = demoEnterprises().find((x) => x.inspected)!;
const QUERY = `query ($c: ID!) { enterprise(creditCode: $c) { name inspections { date informant } } }`;

async function ask(unit: string, purpose: string | undefined, query = QUERY): Promise<GraphQLResponse> {
  return postGraphQL(fed.gateway.url, query, { c: e.creditCode }, asRequester(await tokenFor(fed.dataDir, unit), purpose));
}

function reasonAt(body: GraphQLResponse["body"], path: string): string | undefined {
  const error = body.errors?.find((x) => (x.path ?? []).join(".") === path);
  return (error?.extensions?.["share"] as { reason?: string } | undefined)?.reason;
}

describe("decisions are cached per grant version, and a new grant is honoured at once (CONTRACT §7)", () => {
  it("Art. 21: a grant opens a CONDITIONAL field on the very next request; revoking closes it", async () => {
    expect(reasonAt((await ask("permits", "DATA_VERIFICATION")).body, "enterprise.inspections")).toBe("OUT_OF_SCOPE");
    expect(reasonAt((await ask("permits", "DATA_VERIFICATION")).body, "enterprise.inspections")).toBe("OUT_OF_SCOPE");
    grants.grant({ id: "g-1", unit: "permits", coordinates: ["Enterprise.inspections"], purpose: "DATA_VERIFICATION", coordinated: false });
    const granted = await ask("permits", "DATA_VERIFICATION");
    expect((granted.body.data!["enterprise"] as { inspections: unknown[] }).inspections.length).toBeGreaterThan(0);
    // The grant covers the list, not the whistle-blower's name inside it.
    expect(reasonAt(granted.body, "enterprise.inspections.0.informant")).toBe("NOT_SHARED");
    grants.revoke("g-1");
    expect(reasonAt((await ask("permits", "DATA_VERIFICATION")).body, "enterprise.inspections")).toBe("OUT_OF_SCOPE");
  });

  it("Art. 22: only a coordinated grant opens NOT_SHARED data, for its purpose", async () => {
    grants.grant({ id: "g-2", unit: "water", coordinates: ["Inspection.informant"], purpose: "DATA_VERIFICATION", coordinated: true });
    const res = await ask("water", "DATA_VERIFICATION");
    expect(res.body.errors).toBeUndefined();
    const other = await ask("water", "BUSINESS_COLLABORATION");
    expect(reasonAt(other.body, "enterprise.inspections.0.informant")).toBe("NOT_SHARED");
    grants.revoke("g-2");
  });

  it("Art. 29: a suspended unit gets nothing but its own data, until lifted", async () => {
    grants.suspend("water", true);
    const res = await ask("water", "DATA_VERIFICATION");
    expect(res.body.data).toEqual({ enterprise: null });
    expect(reasonAt(res.body, "enterprise")).toBe("SUSPENDED");
    const own = await postGraphQL(fed.gateway.url, `{ waterSections(divisionCode: "320000") { id } }`, {}, asRequester(await tokenFor(fed.dataDir, "water")));
    expect(own.body.errors).toBeUndefined();
    grants.suspend("water", false);
    const lifted = await ask("water", "DATA_VERIFICATION");
    expect((lifted.body.data!["enterprise"] as { name: string }).name).toBe(e.name);
    expect(reasonAt(lifted.body, "enterprise")).toBeUndefined();
  });
});
