import { Kind, parse } from "graphql";

/** One subgraph the gateway fetches from: its graph name (the unit code) and URL. */
export interface UnitTarget {
  readonly name: string;
  readonly url: string;
}

/**
 * The subgraphs a supergraph routes to, from its `join__Graph` enum (`@join__graph(name:,
 * url:)`): whatever the supergraph, the gateway probes exactly what it would fetch from.
 * A graph without a URL is left out; the gateway refuses to build its data source anyway.
 */
export function supergraphUnits(supergraphSdl: string): UnitTarget[] {
  const units: UnitTarget[] = [];
  for (const def of parse(supergraphSdl, { noLocation: true }).definitions) {
    if (def.kind !== Kind.ENUM_TYPE_DEFINITION || def.name.value !== "join__Graph") continue;
    for (const value of def.values ?? []) {
      const graph = value.directives?.find((d) => d.name.value === "join__graph");
      const argument = (name: string): string | null => {
        const node = graph?.arguments?.find((a) => a.name.value === name)?.value;
        return node?.kind === Kind.STRING ? node.value : null;
      };
      const url = argument("url");
      if (url) units.push({ name: argument("name") ?? value.name.value, url });
    }
  }
  return units;
}
