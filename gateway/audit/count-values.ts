/** One response key's place in the operation: the coordinate it serves, and the keys below it. */
interface PathNode {
  readonly coordinate: string | undefined;
  readonly children: ReadonlyMap<string, PathNode>;
}

// Compiled once per analysis (its path map is cached with it), so the per-request walk
// builds no path strings: it follows the keys the operation asked for, nothing else.
const compiled = new WeakMap<ReadonlyMap<string, string>, PathNode>();

function compile(pathCoordinates: ReadonlyMap<string, string>): PathNode {
  type Building = { coordinate: string | undefined; children: Map<string, Building> };
  const root: Building = { coordinate: undefined, children: new Map() };
  for (const [path, coordinate] of pathCoordinates) {
    let node = root;
    for (const key of path.split(".")) {
      let child = node.children.get(key);
      if (!child) node.children.set(key, (child = { coordinate: undefined, children: new Map() }));
      node = child;
    }
    node.coordinate = coordinate;
  }
  return root;
}

/**
 * Counts, per coordinate, the non-null values a response serves: one walk over the data,
 * guided by the response paths (list indices left out) the analysis mapped to coordinates.
 * Keys the operation did not map (`__typename`, a denied field's null) are not counted.
 */
export function countServedValues(data: unknown, pathCoordinates: ReadonlyMap<string, string>): Map<string, number> {
  let root = compiled.get(pathCoordinates);
  if (!root) compiled.set(pathCoordinates, (root = compile(pathCoordinates)));
  const counts = new Map<string, number>();
  const walk = (value: unknown, node: PathNode): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item, node);
      return;
    }
    if (value === null || typeof value !== "object") return;
    for (const [key, child] of node.children) {
      if (!Object.hasOwn(value, key)) continue;
      const served = (value as Record<string, unknown>)[key];
      if (served === null || served === undefined) continue;
      if (child.coordinate !== undefined) counts.set(child.coordinate, (counts.get(child.coordinate) ?? 0) + 1);
      if (typeof served === "object") walk(served, child);
    }
  };
  walk(data, root);
  return counts;
}
