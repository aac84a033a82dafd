import { ApolloGateway, type GatewayConfig } from "@apollo/gateway";

/**
 * An @apollo/gateway that reaches nothing but its subgraphs. Its constructor starts a "data
 * collection" meter unless `APOLLO_TELEMETRY_DISABLED` is set at that moment: cloud resource
 * detectors probe 169.254.169.254 (AWS, Azure), metadata.google.internal and 100.100.100.200
 * (Alibaba), and an hourly export goes to usage-reporting.api.apollographql.com
 * (FEDERATION-NOTES). A ministry network is closed (issue 13), so every gateway ecofed runs —
 * served, benchmarked or tested — is built here. Only a supergraph given in full: managed
 * federation (Uplink) would fetch it from Apollo's cloud.
 */
export function closedNetworkGateway(config: GatewayConfig & { readonly supergraphSdl: string }): ApolloGateway {
  // Set, not merely defaulted: an operator's APOLLO_TELEMETRY_DISABLED=0 must not reopen it.
  process.env["APOLLO_TELEMETRY_DISABLED"] = "1";
  return new ApolloGateway(config);
}
