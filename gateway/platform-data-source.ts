import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { CoordinateIndex } from "../schema/operation-coordinates.js";
import { ASSERTION_HEADER } from "../schema/request-assertion.js";
import { platformAssertion } from "./identity/assertion.js";
import type { PlatformKey } from "./identity/platform-key.js";

type Fetcher = NonNullable<NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>["fetcher"]>;

/**
 * A data source that signs each request as the platform itself (no user, no purpose): for
 * a plain @apollo/gateway that must reach ecofed's units — the units answer only signed
 * requests — such as the baseline in benchmarks and the unenforced gateway of the tests.
 */
export class PlatformDataSource extends RemoteGraphQLDataSource {
  constructor(
    private readonly unit: string,
    url: string,
    private readonly key: PlatformKey,
    private readonly principal: string,
    private readonly coordinates: CoordinateIndex,
    fetcher?: Fetcher,
  ) {
    super({ url, ...(fetcher ? { fetcher } : {}) });
  }

  override async willSendRequest({ request }: GraphQLDataSourceProcessOptions): Promise<void> {
    const query = request.query ?? "";
    const signed = { unit: this.unit, request: { ...request, query }, coordinates: this.coordinates.of(query) };
    request.http?.headers.set(ASSERTION_HEADER, await platformAssertion(this.key, this.principal, signed));
  }
}
