import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { listenGraphQL } from "../server/graphql-http.js";
import { maskUnexpectedErrors } from "../server/format-error.js";
import type { GatewayConfig } from "./config.js";
import { UnitDataSource } from "./unit-data-source.js";

export interface RunningGateway {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Runs the federation gateway over a composed supergraph. `/health` turns 200 only once
 * the supergraph is loaded and the server answers.
 */
export async function serveGateway(config: GatewayConfig, supergraphSdl: string): Promise<RunningGateway> {
  let ready = false;
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => {
      if (!url) throw new Error(`subgraph "${name}" has no URL in the supergraph`);
      return new UnitDataSource(name, url);
    },
  });
  const apollo = new ApolloServer({
    gateway,
    formatError: maskUnexpectedErrors,
    includeStacktraceInErrorResponses: false,
  });
  await apollo.start();
  try {
    const http = await listenGraphQL({
      apollo,
      host: config.host,
      port: config.port,
      context: async () => ({}),
      healthy: () => ready,
    });
    ready = true;
    return {
      url: http.url,
      port: http.port,
      close: async () => {
        ready = false;
        await http.close();
        await apollo.stop();
      },
    };
  } catch (error) {
    await apollo.stop();
    throw error;
  }
}
