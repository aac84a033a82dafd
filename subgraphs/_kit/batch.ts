import type Database from "better-sqlite3";

/**
 * Runs a prepared statement that takes one JSON array of keys (`json_each(?)`), so a batch
 * of any size is one statement and one round trip, then groups the rows by key.
 */
export function groupByKey<TRow extends object>(
  statement: Database.Statement,
  keys: readonly string[],
  keyOf: (row: TRow) => string,
): Map<string, TRow[]> {
  const groups = new Map<string, TRow[]>();
  for (const row of statement.all(JSON.stringify(keys)) as TRow[]) {
    const key = keyOf(row);
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/** The list each key maps to, in key order (a DataLoader batch result). */
export function listsInOrder<TRow>(groups: Map<string, TRow[]>, keys: readonly string[]): TRow[][] {
  return keys.map((key) => groups.get(key) ?? []);
}

/** The one row each key maps to, or null, in key order. */
export function rowsInOrder<TRow>(groups: Map<string, TRow[]>, keys: readonly string[]): (TRow | null)[] {
  return keys.map((key) => groups.get(key)?.[0] ?? null);
}
