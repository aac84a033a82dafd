import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LruCache } from "../../schema/lru-cache.js";
import { demoEnterprises } from "../../demo/enterprises.js";
import { postGraphQL } from "../helpers/graphql-client.js";
import { startInProcessFederation, type InProcessFederation } from "../helpers/in-process-federation.js";
import { asRequester, tokenFor } from "../helpers/tokens.js";

describe("a cache bounded in bytes", () => {
  it("forgets the least recently used until what it keeps weighs no more than its budget", () => {
    const cache = new LruCache<string, string>(1_000, { maxBytes: 100, sizeOf: (v) => v.length });
    cache.set("a", "x".repeat(40));
    cache.set("b", "x".repeat(40));
    cache.get("a");
    cache.set("c", "x".repeat(40));
    expect([cache.get("a") !== undefined, cache.get("b") !== undefined, cache.get("c") !== undefined]).toEqual([true, false, true]);
    expect(cache.bytes).toBe(80);
    cache.set("huge", "x".repeat(101));
    expect(cache.get("huge")).toBeUndefined();
    expect(cache.bytes).toBe(80);
    cache.set("a", "x");
    expect(cache.bytes).toBe(41);
  });
});

// Issue 14 §2: ~2,000 distinct large operations drove the heap from 181 MB to 3.5 GB. Within
// the limits, with the budget lowered to 2 MiB, the cache never holds more than that.
describe("the gateway's decision cache under many distinct large operations", () => {
  const BUDGET = 2 * 1024 * 1024;
  let fed: InProcessFederation;
  beforeAll(async () => {
    fed = await startInProcessFederation({ decisionCacheBytes: BUDGET });
  });
  afterAll(() => fed?.stop());

  it("stays within its budget", async () => {
    const e = demoEnterprises()[0]!;
    const headers = asRequester(await tokenFor(fed.dataDir, "water"), "WORK_REFERENCE");
    let most = 0;
    for (let k = 0; k < 150; k++) {
      // 90 aliases (under the limit of 100), one denied field among them: each decision rewrites.
      const fields = Array.from({ length: 45 }, (_, i) => `n${k}_${i}: name r${k}_${i}: legalRepresentative`).join(" ");
      const res = await postGraphQL(fed.gateway.url, `query ($c: ID!) { enterprise(creditCode: $c) { ${fields} } }`, { c: e.creditCode }, headers);
      expect(res.status).toBe(200);
      most = Math.max(most, fed.gateway.enforcement.decisionCache.bytes);
    }
    const { entries, bytes } = fed.gateway.enforcement.decisionCache;
    expect(most).toBeLessThanOrEqual(BUDGET);
    expect(bytes).toBeGreaterThan(BUDGET / 2);
    expect(entries).toBeGreaterThan(10);
    expect(entries).toBeLessThan(150);
  });
});
