import { ApolloServer } from "@apollo/server";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";
import { listenGraphQL, type RunningHttpServer } from "../../server/graphql-http.js";

/** A subgraph that is not ecofed's: plain @apollo/subgraph, no @share, served on port 0. */
export async function servePlainSubgraph(sdl: string, resolvers: Record<string, unknown>): Promise<RunningHttpServer & { stop(): Promise<void> }> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const apollo = new ApolloServer({ schema: buildSubgraphSchema({ typeDefs: parse(sdl), resolvers: resolvers as any }) });
  await apollo.start();
  const http = await listenGraphQL({ apollo, host: "127.0.0.1", port: 0, context: async () => ({}), healthy: () => true });
  return { ...http, stop: async () => (await http.close(), await apollo.stop()) };
}
