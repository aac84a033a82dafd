/** A figure of an evaluation (Art. 28): what was counted, out of what, and the share it makes. */
export interface Ratio {
  readonly numerator: number;
  readonly denominator: number;
  /** numerator / denominator; null when nothing was there to count, rather than a made-up 0 or 1. */
  readonly value: number | null;
}

export function ratio(numerator: number, denominator: number): Ratio {
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

/** How many of `items` satisfy `test`, out of all of them. */
export function ratioOf<T>(items: readonly T[], test: (item: T) => boolean): Ratio {
  return ratio(items.filter(test).length, items.length);
}
