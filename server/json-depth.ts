/**
 * How deep a request's JSON (its body, or a GET's `variables` and `extensions`) may nest.
 * Input types nest a few levels (the deepest here: 4); a custom scalar (`Date`) takes any
 * JSON unchecked, and every walk of a value downstream — the assertion's canonical JSON,
 * JSON.stringify of the subgraph fetch — recurses, so 100,000 levels of `[` overflowed the
 * stack and answered INTERNAL_SERVER_ERROR (found by the fuzz, issue 14).
 */
export const MAX_JSON_DEPTH = 100;

/** Whether `value` nests arrays and objects deeper than `max` levels; iterative, linear in its size. */
export function jsonDepthExceeds(value: unknown, max: number = MAX_JSON_DEPTH): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, depth] = next;
    if (item === null || typeof item !== "object") continue;
    if (depth + 1 > max) return true;
    for (const member of Array.isArray(item) ? item : Object.values(item)) pending.push([member, depth + 1]);
  }
  return false;
}
