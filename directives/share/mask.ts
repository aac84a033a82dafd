/**
 * "Only in part" (Art. 15(2)): the value with its hidden characters as ASCII `*`.
 * A short value (a name) keeps its first character, `张三` → `张*`; a long one (a code)
 * keeps four at each end, `91110101227415657B` → `9111**********657B`.
 */
export function maskText(value: string): string {
  const chars = [...value];
  if (chars.length === 0) return value;
  if (chars.length < 8) return chars[0] + "*".repeat(Math.max(1, chars.length - 1));
  return chars.slice(0, 4).join("") + "*".repeat(chars.length - 8) + chars.slice(-4).join("");
}

/** A masked leaf value: strings masked, lists element-wise, anything else withheld. */
export function maskValue(value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value === "string") return maskText(value);
  if (Array.isArray(value)) return value.map(maskValue);
  return null;
}
