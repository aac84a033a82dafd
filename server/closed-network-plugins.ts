import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import {
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from "@apollo/server/plugin/disabled";

/**
 * What every ecofed Apollo Server is given so that nothing in it reaches Apollo's cloud
 * (issue 13): usage and schema reporting, which Apollo Server installs by itself when
 * `APOLLO_KEY` and `APOLLO_GRAPH_REF` happen to be in the environment, and the default
 * landing page, which loads Apollo Sandbox from Apollo's CDN into the visitor's browser.
 */
export function closedNetworkPlugins<TContext extends BaseContext>(): ApolloServerPlugin<TContext>[] {
  return [ApolloServerPluginUsageReportingDisabled(), ApolloServerPluginSchemaReportingDisabled(), ApolloServerPluginLandingPageDisabled()];
}
