import { print, type FieldDefinitionNode } from "graphql";
import { ownerOf, type FieldEntry } from "../../directives/share/supergraph-policies.js";
import type { UpdateFrequency } from "../../directives/share/definition.js";
import type { DataItem } from "./catalog.js";
import type { CatalogContext } from "./catalog-context.js";
import { namedTypeOf } from "./connections.js";
import { argumentsOf, descriptionOf } from "./field-text.js";
import { sharingTerms } from "./sharing-terms.js";

/** One field of a resource as a data item; `holder` is that resource's lead unit and frequency. */
export function dataItem(
  coordinate: string,
  field: FieldDefinitionNode,
  entry: FieldEntry | undefined,
  holder: { readonly owner: string; readonly updateFrequency: UpdateFrequency | null },
  context: CatalogContext,
): DataItem {
  const namedType = namedTypeOf(field.type);
  const resource = context.resourceOf(namedType);
  return {
    coordinate,
    description: descriptionOf(field),
    // A shareable field several units resolve is the data of the unit whose object holds it.
    owner: entry ? ownerOf(entry, holder.owner) : holder.owner,
    // Values that are another resource change as often as it does (`AirStation.readings`: hourly).
    updateFrequency: resource ? (context.metadata.get(resource)?.updateFrequency ?? null) : holder.updateFrequency,
    format: {
      type: print(field.type),
      kind: context.kinds.get(namedType) ?? "SCALAR",
      namedType,
      arguments: argumentsOf(field),
      resource,
    },
    ...sharingTerms(entry?.rule ?? null),
  };
}
