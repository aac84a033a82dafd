import type { ObjectTypeDefinitionNode } from "graphql";
import { ownerOf, type PolicyIndex } from "../../directives/share/supergraph-policies.js";
import type { AccessPoint } from "./catalog.js";
import { byCodePoint } from "./code-point-order.js";
import { namedTypeOf } from "./connections.js";
import { descriptionOf, signatureOf } from "./field-text.js";

/** The query root's fields, by the resource each returns (through a connection if need be). */
export function accessPointsByResource(
  queryType: ObjectTypeDefinitionNode | undefined,
  policies: PolicyIndex,
  resourceOf: (namedType: string) => string | null,
): Map<string, AccessPoint[]> {
  const byResource = new Map<string, AccessPoint[]>();
  for (const field of queryType?.fields ?? []) {
    const resource = resourceOf(namedTypeOf(field.type));
    if (!resource) continue;
    const coordinate = `${queryType!.name.value}.${field.name.value}`;
    const entry = policies.fields.get(coordinate);
    const point: AccessPoint = {
      coordinate,
      signature: signatureOf(field),
      description: descriptionOf(field),
      owner: entry ? ownerOf(entry, null) : "",
      sharingClass: entry?.rule?.class ?? null,
    };
    byResource.set(resource, [...(byResource.get(resource) ?? []), point]);
  }
  for (const points of byResource.values()) points.sort((a, b) => byCodePoint(a.coordinate, b.coordinate));
  return byResource;
}
