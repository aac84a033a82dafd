import type { ObjectTypeDefinitionNode } from "graphql";
import type { AccessPoint, CatalogResource } from "./catalog.js";
import type { CatalogContext } from "./catalog-context.js";
import { byCodePoint } from "./code-point-order.js";
import { dataItem } from "./data-item.js";
import { descriptionOf } from "./field-text.js";
import { leadUnit } from "./lead-unit.js";

/** One object type as a catalog resource, its items in field-name order. */
export function buildResource(type: ObjectTypeDefinitionNode, accessPoints: readonly AccessPoint[], context: CatalogContext): CatalogResource {
  const name = type.name.value;
  const fields = [...(type.fields ?? [])]
    .sort((a, b) => byCodePoint(a.name.value, b.name.value))
    .map((field) => ({ field, coordinate: `${name}.${field.name.value}`, entry: context.policies.fields.get(`${name}.${field.name.value}`) }));
  const owner = leadUnit(fields.flatMap((f) => (f.entry ? [f.entry] : [])));
  const updateFrequency = context.metadata.get(name)?.updateFrequency ?? null;
  const items = fields.map((f) => dataItem(f.coordinate, f.field, f.entry, { owner, updateFrequency }, context));
  const contributors = [...new Set(items.map((i) => i.owner))].filter((unit) => unit !== owner).sort(byCodePoint);
  const category = context.metadata.get(name)?.category ?? null;
  return { name, description: descriptionOf(type), category, updateFrequency, owner, contributors, accessPoints, items };
}
