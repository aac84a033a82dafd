import type { Catalog, CatalogResource, DataItem } from "./catalog.js";
import { toCsv } from "./csv.js";

type Cell = string | boolean | null | readonly string[];

/** Every attribute of an item and of its resource, in the order the columns appear. */
const COLUMNS: readonly (readonly [string, (resource: CatalogResource, item: DataItem) => Cell])[] = [
  ["resource", (r) => r.name],
  ["resourceDescription", (r) => r.description],
  ["category", (r) => r.category],
  ["leadUnit", (r) => r.owner],
  ["contributingUnits", (r) => r.contributors],
  ["accessPoints", (r) => r.accessPoints.map((a) => a.coordinate)],
  ["coordinate", (_, i) => i.coordinate],
  ["description", (_, i) => i.description],
  ["owner", (_, i) => i.owner],
  ["updateFrequency", (_, i) => i.updateFrequency],
  ["type", (_, i) => i.format.type],
  ["kind", (_, i) => i.format.kind],
  ["namedType", (_, i) => i.format.namedType],
  ["arguments", (_, i) => i.format.arguments],
  ["references", (_, i) => i.format.resource],
  ["sharingClass", (_, i) => i.sharingClass],
  ["scope", (_, i) => i.scope],
  ["purposes", (_, i) => i.purposes],
  ["approval", (_, i) => i.conditions?.approval ?? null],
  ["mask", (_, i) => i.conditions?.mask ?? null],
  ["basis", (_, i) => i.basis],
  ["sharingMethod", (_, i) => i.sharingMethod],
];

/** One row per data item, after a header row; lists joined with `;`, nulls empty. */
export function catalogCsv(catalog: Catalog): string {
  const rows = catalog.resources.flatMap((resource) => resource.items.map((item) => COLUMNS.map(([, cell]) => cellText(cell(resource, item)))));
  return toCsv([COLUMNS.map(([header]) => header), ...rows]);
}

function cellText(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "boolean") return String(cell);
  return typeof cell === "string" ? cell : cell.join(";");
}
