/** One response key's place in the operation: the coordinate it serves (its counter), and the keys below it. */
interface PathNode {
  readonly key: string;
  readonly slot: number;
  readonly children: readonly PathNode[];
}

/** The response paths an analysis mapped to coordinates, as a tree the count follows. */
export interface ServedPaths {
  readonly root: PathNode;
  /** Each slot's coordinate key; several paths (aliases) may share one coordinate. */
  readonly coordinates: readonly string[];
}

/**
 * Compiled once per decision (the gateway keeps it with the cached analysis), so the
 * per-request walk builds no path strings and allocates nothing per key: it follows the
 * keys the operation asked for, nothing else, and counts into an array.
 */
export function compileServedPaths(pathCoordinates: ReadonlyMap<string, string>): ServedPaths {
  type Building = { key: string; slot: number; children: Building[] };
  const root: Building = { key: "", slot: -1, children: [] };
  const coordinates: string[] = [];
  for (const [path, coordinate] of pathCoordinates) {
    let node = root;
    for (const key of path.split(".")) {
      let child = node.children.find((c) => c.key === key);
      if (!child) node.children.push((child = { key, slot: -1, children: [] }));
      node = child;
    }
    const known = coordinates.indexOf(coordinate);
    node.slot = known >= 0 ? known : coordinates.push(coordinate) - 1;
  }
  return { root, coordinates };
}

/**
 * Counts, per coordinate, the non-null values a response serves: one walk over the data,
 * guided by the response paths (list indices left out) the analysis mapped to coordinates.
 * Keys the operation did not map (`__typename`, a denied field's null) are not counted.
 */
export function countServedValues(data: unknown, paths: ServedPaths): Map<string, number> {
  const counts = new Array<number>(paths.coordinates.length).fill(0);
  const walk = (value: unknown, node: PathNode): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item, node);
      return;
    }
    if (value === null || typeof value !== "object") return;
    for (const child of node.children) {
      const served = (value as Record<string, unknown>)[child.key];
      // A key the answer lacks may still be found on Object.prototype (`constructor`): a
      // function, which no answer holds. (`__proto__` is no GraphQL name.)
      if (served === null || served === undefined || typeof served === "function") continue;
      if (child.slot >= 0) counts[child.slot]! += 1;
      if (typeof served === "object") walk(served, child);
    }
  };
  walk(data, paths.root);
  const result = new Map<string, number>();
  for (const [slot, coordinate] of paths.coordinates.entries()) if (counts[slot]! > 0) result.set(coordinate, counts[slot]!);
  return result;
}
