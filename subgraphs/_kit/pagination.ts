import { badUserInput } from "../../schema/errors.js";

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

/** The page size a `first` argument asks for, checked against the page maximum. */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badUserInput("first", `must be an integer from 0 to ${MAX_PAGE_SIZE}, got ${first}`);
  }
  return first;
}

const CURSOR_PREFIX = "k:";

/** An opaque cursor over a stable sort key (keyset pagination: stable under inserts). */
export function encodeCursor(key: string): string {
  return Buffer.from(CURSOR_PREFIX + key, "utf8").toString("base64url");
}

/** The sort key inside `after`, or a BAD_USER_INPUT naming the argument. */
export function decodeCursor(after: string | null | undefined, isKey: (key: string) => boolean): string | null {
  if (after === null || after === undefined) return null;
  const text = /^[A-Za-z0-9_-]+$/.test(after) ? Buffer.from(after, "base64url").toString("utf8") : "";
  const key = text.startsWith(CURSOR_PREFIX) ? text.slice(CURSOR_PREFIX.length) : "";
  if (!isKey(key)) throw badUserInput("after", "is not a cursor this field returned");
  return key;
}
