/**
 * Counts, per coordinate, the non-null values a response serves: one walk over the data,
 * guided by the response paths (list indices left out) the analysis mapped to coordinates.
 */
export function countServedValues(data: unknown, pathCoordinates: ReadonlyMap<string, string>): Map<string, number> {
  const counts = new Map<string, number>();
  const walk = (value: unknown, prefix: string): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item, prefix);
      return;
    }
    if (value === null || typeof value !== "object") return;
    for (const key of Object.keys(value)) {
      const child = (value as Record<string, unknown>)[key];
      const path = prefix === "" ? key : `${prefix}.${key}`;
      const coordinate = pathCoordinates.get(path);
      if (coordinate === undefined) continue; // __typename, or a key the operation did not ask for
      if (child !== null && child !== undefined) counts.set(coordinate, (counts.get(coordinate) ?? 0) + 1);
      if (typeof child === "object" && child !== null) walk(child, path);
    }
  };
  walk(data, "");
  return counts;
}
