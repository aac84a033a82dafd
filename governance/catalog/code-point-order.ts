/**
 * Orders strings by UTF-16 code units. Never `localeCompare`: its order depends on the
 * machine's ICU data and locale, and the catalog's digest must not.
 */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
