import { parse } from "graphql";
import { readSupergraphPolicies } from "../../directives/share/supergraph-policies.js";
import type { Catalog } from "./catalog.js";
import type { CatalogContext } from "./catalog-context.js";
import { accessPointsByResource } from "./access-points.js";
import { buildResource } from "./build-resource.js";
import { catalogFlags, catalogProblems } from "./catalog-problems.js";
import { byCodePoint } from "./code-point-order.js";
import { findConnections, isConnectionPart } from "./connections.js";
import { digestOf } from "./digest.js";
import { resourceMetadataReader } from "./resource-metadata.js";
import { readSupergraphShape } from "./supergraph-shape.js";

/**
 * The resource catalog of a supergraph (Art. 10): one resource per object type of the API
 * schema that carries data — not the root types, whose fields are access points, and not
 * connections and page infos, which only wrap resources. Pure; throws on a document that
 * does not parse or is not a supergraph.
 */
export function buildCatalog(supergraphSdl: string): Catalog {
  const document = parse(supergraphSdl);
  const shape = readSupergraphShape(document);
  const connections = findConnections(shape.objectTypes);
  const resourceTypes = shape.objectTypes
    .filter((t) => !shape.rootTypes.has(t.name.value) && !isConnectionPart(connections, t.name.value))
    .sort((a, b) => byCodePoint(a.name.value, b.name.value));
  const names = new Set(resourceTypes.map((t) => t.name.value));
  const resourceOf = (namedType: string): string | null => {
    const target = connections.nodesOf.get(namedType) ?? namedType;
    return names.has(target) ? target : null;
  };
  const policies = readSupergraphPolicies(supergraphSdl);
  const metadataOf = resourceMetadataReader(document);
  const metadata = new Map(resourceTypes.map((t) => [t.name.value, metadataOf(t)]));
  const context: CatalogContext = { policies, kinds: shape.kinds, resourceOf, metadata };
  const queryType = shape.objectTypes.find((t) => t.name.value === shape.queryType);
  const accessPoints = accessPointsByResource(queryType, policies, resourceOf);
  const resources = resourceTypes.map((type) => buildResource(type, accessPoints.get(type.name.value) ?? [], context));
  const content = { resources, problems: catalogProblems({ resources, objectTypes: shape.objectTypes, policies }), flags: catalogFlags(resources) };
  return { digest: digestOf(content), ...content };
}
