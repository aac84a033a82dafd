import { parse, type GraphQLSchema } from "graphql";
import type { SharePurpose } from "../../directives/share/rule.js";
import { platformAssertion, requestAssertion } from "../../gateway/identity/assertion.js";
import type { PlatformKey } from "../../gateway/identity/platform-key.js";
import { operationCoordinates } from "../../schema/operation-coordinates.js";
import { ASSERTION_HEADER, PLATFORM_UNIT } from "../../schema/request-assertion.js";
import { buildUnitSubgraph } from "../../subgraphs/_kit/build-subgraph.js";
import type { AnyUnit } from "../../subgraphs/_kit/unit.js";
import { postGraphQL, type GraphQLResponse } from "./graphql-client.js";

/** Who a request is asserted for. */
export interface AssertedAs {
  readonly unit: string;
  readonly principal?: string;
  readonly roles?: readonly string[];
  readonly purpose?: SharePurpose | null;
}

let requests = 0;

/**
 * Talks to a served unit as the gateway does: every request carries a fresh assertion,
 * signed with the platform key, naming who asks and the coordinates the operation reads.
 * The one place governance tests build assertions, so a change to them is made here only.
 */
export class GovernanceClient {
  private constructor(
    private readonly key: PlatformKey,
    private readonly schema: GraphQLSchema,
  ) {}

  static async of(unit: AnyUnit, key: PlatformKey): Promise<GovernanceClient> {
    return new GovernanceClient(key, (await buildUnitSubgraph(unit)).schema);
  }

  async post(url: string, as: AssertedAs, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse> {
    const context = {
      requestId: `governance-test-${++requests}`,
      requester: { unit: as.unit, principal: as.principal ?? `${as.unit}-officer`, roles: [...(as.roles ?? [])] },
      purpose: as.purpose ?? null,
      client: { name: null, version: null },
    };
    const fetch = { unit: "governance", request: { query, variables }, coordinates: operationCoordinates(parse(query), this.schema) };
    // The platform (the gateway acting for itself) signs its own kind of assertion.
    const assertion = as.unit === PLATFORM_UNIT ? await platformAssertion(this.key, context.requester.principal, fetch) : await requestAssertion(this.key, context, fetch);
    return postGraphQL(url, query, variables, { [ASSERTION_HEADER]: assertion });
  }
}
