import { readFileSync } from "node:fs";
import type { RemoteGraphQLDataSource } from "@apollo/gateway";
import { closedNetworkGateway } from "../gateway/closed-network-gateway.js";
import { closedNetworkPlugins } from "../server/closed-network-plugins.js";
import { baseConfig } from "../gateway/config.js";
import { loadOrCreatePlatformKey } from "../gateway/identity/platform-key.js";
import { PlatformDataSource } from "../gateway/platform-data-source.js";
import { fetchCoordinateIndex } from "../gateway/fetch-coordinates.js";
import { ApolloServer } from "@apollo/server";
import { listenGraphQL } from "../server/graphql-http.js";
import { deferStringify } from "../server/deferred-results.js";

/**
 * Benchmark baseline: a vanilla @apollo/gateway over a supergraph file, no enforcement.
 *   node dist/bench/vanilla-gateway.js SUPERGRAPH_FILE default|fetch
 * `default` keeps Apollo's own HTTP client; `fetch` uses Node's built-in fetch, as ecofed's
 * data source does, so the difference to ecofed is enforcement alone. Prints
 * `vanilla gateway ready at <url>`; SIGTERM or SIGINT stops it.
 */

type Fetcher = NonNullable<NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>["fetcher"]>;

const [file, mode] = process.argv.slice(2);
if (!file || (mode !== "default" && mode !== "fetch")) {
  console.error("usage: vanilla-gateway.js SUPERGRAPH_FILE default|fetch");
  process.exit(2);
}

// The units answer only requests the platform signed: the baseline signs one assertion per
// fetch, naming its coordinates, as ecofed's gateway does, so the comparison stays about enforcement.
const key = await loadOrCreatePlatformKey(baseConfig(process.env).dataDir);

const supergraphSdl = readFileSync(file, "utf8");
const coordinates = fetchCoordinateIndex(supergraphSdl);
const gateway = closedNetworkGateway({
  supergraphSdl,
  buildService: ({ name, url }) => new PlatformDataSource(name, url!, key, "vanilla-baseline", coordinates.forUnit(name), mode === "fetch" ? (fetch as unknown as Fetcher) : undefined),
});
// Served as ecofed serves its answers (listenGraphQL, results written in pieces), so the
// comparison is between the gateways, not between HTTP layers.
const apollo = new ApolloServer({ gateway, stringifyResult: deferStringify, plugins: closedNetworkPlugins() });
await apollo.start();
const http = await listenGraphQL({
  apollo,
  host: "127.0.0.1",
  port: 0,
  context: async () => ({}),
  healthy: () => true,
});
console.log(`vanilla gateway ready at ${http.url}`);

let stopping = false;
const stop = (): void => {
  if (stopping) process.exit(1);
  stopping = true;
  http
    .close(1_000)
    .then(() => apollo.stop())
    .then(
      () => process.exit(0),
      () => process.exit(1),
    );
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
