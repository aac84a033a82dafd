import { afterAll, beforeAll, expect } from "vitest";
import { loadOrCreatePlatformKey, type PlatformKey } from "../../gateway/identity/platform-key.js";
import { PlatformPublicKeys } from "../../subgraphs/_kit/platform-public-keys.js";
import { governanceUnit } from "../../subgraphs/governance/index.js";
import { GovernanceClient, type AssertedAs } from "../helpers/governance-client.js";
import { errorCodes, type GraphQLResponse } from "../helpers/graphql-client.js";
import { tempDir } from "../helpers/temp-dir.js";
import { startUnit, type UnitUnderTest } from "../helpers/unit-server.js";

/** Requesters as the gateway asserts them. */
export const as = {
  platform: { unit: "platform", principal: "gateway" },
  leadingGroup: { unit: "info-center", principal: "lg-member", roles: ["leading-group"] },
  cacOffice: { unit: "info-center", principal: "cac-officer", roles: ["cac-office"] },
  security: { unit: "info-center", principal: "security-officer", roles: ["security"] },
  clerk: (unit: string, purpose: AssertedAs["purpose"] = null): AssertedAs => ({ unit, principal: `${unit}-clerk`, purpose }),
  approver: (unit: string): AssertedAs => ({ unit, principal: `${unit}-approver`, roles: ["approver"] }),
} as const;

/**
 * The governance unit served over real HTTP on a fresh data dir, with a clock the test sets
 * (Asia/Shanghai days decide deadlines), and the requests a test makes of it.
 */
export class OversightHarness {
  /** The instant the unit sees as now. */
  now: Date;
  private readonly dir = tempDir("oversight");
  private client!: GovernanceClient;
  private served!: UnitUnderTest;

  constructor(start: string) {
    this.now = new Date(start);
    const unit = governanceUnit({ now: () => this.now, env: {}, warn: () => undefined });
    beforeAll(async () => {
      const key: PlatformKey = await loadOrCreatePlatformKey(this.dir.path);
      this.client = await GovernanceClient.of(unit, key);
      this.served = await startUnit(unit, new PlatformPublicKeys(this.dir.path), this.dir.path);
    });
    afterAll(async () => {
      await this.served?.stop();
      this.dir.remove();
    });
  }

  get dataDir(): string {
    return this.dir.path;
  }

  /** Sets the clock to an instant (RFC 3339). */
  at(instant: string): void {
    this.now = new Date(instant);
  }

  ask(requester: AssertedAs, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse> {
    return this.client.post(this.served.running.url, requester, query, variables);
  }

  /** The one root field's data of a request that must have no errors. */
  async ok<T>(requester: AssertedAs, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const { body } = await this.ask(requester, query, variables);
    expect(body.errors).toBeUndefined();
    return Object.values(body.data!)[0] as T;
  }

  /** `[code, path]` of each error of a request. */
  async codes(requester: AssertedAs, query: string, variables: Record<string, unknown> = {}): Promise<[unknown, string][]> {
    return errorCodes((await this.ask(requester, query, variables)).body);
  }

  /** The platform records a supergraph, as the gateway does on every composition; its version. */
  record(sdl: string): Promise<number> {
    return this.ok<number>(as.platform, "mutation ($sdl: String!) { recordSupergraph(sdl: $sdl) }", { sdl });
  }
}
