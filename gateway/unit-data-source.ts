import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { subgraphUnavailable } from "../schema/errors.js";
import { ASSERTION_HEADER } from "../schema/request-assertion.js";
import type { GatewayContext } from "./identity/authenticate.js";
import { requestAssertion } from "./identity/assertion.js";
import type { PlatformKey } from "./identity/platform-key.js";

type Fetcher = NonNullable<NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>["fetcher"]>;

/**
 * How the gateway talks to one unit's subgraph. Node's own fetch replaces the default
 * client (≈ +25 % throughput, FEDERATION-NOTES); every request carries the gateway's
 * signed assertion of who asks; failures become one coded error that names the unit and
 * hides its address, so the rest of the operation still resolves.
 */
export class UnitDataSource extends RemoteGraphQLDataSource {
  constructor(
    readonly unit: string,
    url: string,
    private readonly key: PlatformKey,
  ) {
    super({ url, fetcher: fetch as unknown as Fetcher });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions): Promise<void> {
    // Composition calls (`_service`) come with an empty context: there is no requester to assert.
    const gatewayContext = context as Partial<GatewayContext>;
    if (!gatewayContext.requester) return;
    request.http?.headers.set(ASSERTION_HEADER, await requestAssertion(this.key, gatewayContext as GatewayContext));
  }

  override didEncounterError(error: Error, _req: unknown, response?: { status: number }): void {
    const cause = response ? `HTTP ${response.status}` : networkCause(error);
    throw subgraphUnavailable(this.unit, cause);
  }
}

function networkCause(error: Error): string {
  const code = (error.cause as { code?: string } | undefined)?.code;
  if (code === "ECONNREFUSED") return "connection refused";
  if (code === "ECONNRESET" || code === "UND_ERR_SOCKET") return "connection reset";
  if (error.name === "TimeoutError" || code === "UND_ERR_CONNECT_TIMEOUT") return "timed out";
  return "request failed";
}
