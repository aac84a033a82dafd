import DataLoader from "dataloader";
import { badUserInput } from "../../schema/errors.js";
import { quoteInput } from "../../domain/quote-input.js";

export const DEFAULT_LAST = 24;
export const MAX_LAST = 500;

/** Which readings a `readings(from, to, last)` call asks for: the newest `last` in [from, to]. */
export interface ReadingWindow {
  readonly fromMs: number;
  readonly toMs: number;
  readonly last: number;
}

const OFFSET = /(Z|[+-]\d{2}:\d{2})$/i;

function instant(argument: string, value: string | null | undefined, unbounded: number): number {
  if (value === null || value === undefined) return unbounded;
  // Without an offset the instant would depend on the server's time zone.
  if (!OFFSET.test(value)) throw badUserInput(argument, `must be RFC 3339 with an offset, got ${quoteInput(value)}`);
  return Date.parse(value);
}

/** Checks a readings field's arguments; `last` is bounded like a page size. */
export function readingWindow(
  from: string | null | undefined,
  to: string | null | undefined,
  last: number | null | undefined,
): ReadingWindow {
  const fromMs = instant("from", from, Number.MIN_SAFE_INTEGER);
  const toMs = instant("to", to, Number.MAX_SAFE_INTEGER);
  if (fromMs > toMs) throw badUserInput("from", `must not be after "to"`);
  const count = last ?? DEFAULT_LAST;
  if (!Number.isInteger(count) || count < 0 || count > MAX_LAST) {
    throw badUserInput("last", `must be an integer from 0 to ${MAX_LAST}, got ${count}`);
  }
  return { fromMs, toMs, last: count };
}

/** A key per distinct argument set: each gets its own loader, so its batch is one statement. */
export function windowKey(window: ReadingWindow): string {
  return `${window.fromMs}/${window.toMs}/${window.last}`;
}

/**
 * Per-request loaders of readings, one per distinct window: every entity asking the same
 * window shares one loader, so its batch is one statement.
 */
export function windowedLoaders<TRow>(
  load: (ids: readonly string[], window: ReadingWindow) => TRow[][],
): (window: ReadingWindow) => DataLoader<string, TRow[]> {
  const loaders = new Map<string, DataLoader<string, TRow[]>>();
  return (window) => {
    const key = windowKey(window);
    let loader = loaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (ids) => load(ids, window));
      loaders.set(key, loader);
    }
    return loader;
  };
}
