export interface LruBudget<V> {
  /** The most the entries may weigh together; the least recently used go first to stay under it. */
  readonly maxBytes: number;
  /** An entry's weight in bytes (an estimate: what it holds, not V8's exact layout). */
  readonly sizeOf: (value: V) => number;
}

/**
 * A bounded map that forgets the least recently used entry first: past `capacity` entries,
 * and — given a budget — past its bytes (issue 14: 2,000 distinct large operations filled a
 * 5,000-entry cache with 1.6 MB decisions until the heap gave out). An entry heavier than the
 * whole budget is not kept at all.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, { value: V; bytes: number }>();
  private totalBytes = 0;

  constructor(
    private readonly capacity: number,
    private readonly budget?: LruBudget<V>,
  ) {}

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: K, value: V): void {
    this.delete(key);
    const bytes = this.budget?.sizeOf(value) ?? 0;
    if (this.budget && bytes > this.budget.maxBytes) return;
    this.entries.set(key, { value, bytes });
    this.totalBytes += bytes;
    while (this.entries.size > this.capacity || (this.budget && this.totalBytes > this.budget.maxBytes)) {
      this.delete(this.entries.keys().next().value as K);
    }
  }

  clear(): void {
    this.entries.clear();
    this.totalBytes = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  /** What the entries weigh together, by `sizeOf` (0 without a budget). */
  get bytes(): number {
    return this.totalBytes;
  }

  delete(key: K): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    this.totalBytes -= entry.bytes;
    return true;
  }
}
