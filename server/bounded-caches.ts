import type { GatewayConfig } from "@apollo/gateway";
import type { DocumentNode } from "graphql";
import { LruCache } from "../schema/lru-cache.js";

/**
 * Apollo's parsed-document and query-plan caches, bounded by what they hold on the heap
 * (issue 14 §2). Apollo's own LRUs weigh an entry by its JSON, and a parsed document takes
 * ~4× its JSON on V8's heap (~45 bytes per character of its source, measured on the 90-alias
 * documents of test/gateway/memory-budget.test.ts): "30 MiB" there was ~120 MB of heap.
 */
const HEAP_PER_SOURCE_CHAR = 48;
const HEAP_PER_JSON_CHAR = 4;
/** Each cache's budget unless configured (ECOFED_DOCUMENT_CACHE_MB, ECOFED_PLAN_CACHE_MB). */
export const DEFAULT_CACHE_BYTES = 64 * 1024 * 1024;
/** However light its entries, a cache keeps no more than this many. */
const MAX_ENTRIES = 10_000;

/** Apollo's own types, through the packages ecofed depends on. */
type QueryPlanCache = NonNullable<NonNullable<GatewayConfig["queryPlannerConfig"]>["cache"]>;
type QueryPlan = NonNullable<Awaited<ReturnType<QueryPlanCache["get"]>>>;

class HeapBoundedCache<V> {
  private readonly lru: LruCache<string, V>;

  constructor(maxBytes: number, sizeOf: (value: V) => number) {
    this.lru = new LruCache(MAX_ENTRIES, { maxBytes, sizeOf });
  }

  async get(key: string): Promise<V | undefined> {
    return this.lru.get(key);
  }

  async set(key: string, value: V): Promise<void> {
    this.lru.set(key, value);
  }

  async delete(key: string): Promise<boolean> {
    return this.lru.delete(key);
  }

  clear(): void {
    this.lru.clear();
  }

  get bytes(): number {
    return this.lru.bytes;
  }
}

export function documentCache(maxBytes: number): HeapBoundedCache<DocumentNode> {
  return new HeapBoundedCache(maxBytes, (document) =>
    document.loc ? document.loc.end * HEAP_PER_SOURCE_CHAR : JSON.stringify(document).length * HEAP_PER_JSON_CHAR,
  );
}

export function queryPlanCache(maxBytes: number): HeapBoundedCache<QueryPlan> & QueryPlanCache {
  return new HeapBoundedCache(maxBytes, (plan) => JSON.stringify(plan).length * HEAP_PER_JSON_CHAR);
}
