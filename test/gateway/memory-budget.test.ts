import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoEnterprises } from "../../demo/enterprises.js";
import { baseConfig, ConfigError } from "../../gateway/config.js";
import { postGraphQL } from "../helpers/graphql-client.js";
import { startInProcessFederation, type InProcessFederation } from "../helpers/in-process-federation.js";
import { asRequester, tokenFor } from "../helpers/tokens.js";

// The heap itself, after a full collection: V8's own count, not ecofed's estimate of it.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
function heapUsed(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

const MiB = 1024 * 1024;
const BUDGET = Number(process.env["MEMORY_TEST_BUDGET_MIB"] ?? 2) * MiB;

// Issue 14 §2: ~2,000 distinct valid ~33 KB operations took the gateway from 181 MB to 3.5 GB.
// With every cache the gateway keeps (its decisions, Apollo's parsed documents and query plans)
// lowered to 2 MiB, 400 distinct large operations within the limits leave the heap where 60
// of them left it, give or take what the three budgets hold.
describe("the gateway's heap under many distinct large operations", () => {
  let fed: InProcessFederation;
  beforeAll(async () => {
    fed = await startInProcessFederation({ decisionCacheBytes: BUDGET, documentCacheBytes: BUDGET, planCacheBytes: BUDGET });
  });
  afterAll(() => fed?.stop());

  it("stays within the caches' budgets", async () => {
    const e = demoEnterprises()[0]!;
    const headers = asRequester(await tokenFor(fed.dataDir, "water"), "WORK_REFERENCE");
    const send = async (k: number): Promise<void> => {
      // 90 aliases (the limit is 100), one denied field among them: each decision rewrites.
      const fields = Array.from({ length: 45 }, (_, i) => `n${k}_${i}: name r${k}_${i}: legalRepresentative`).join(" ");
      const res = await postGraphQL(fed.gateway.url, `query Q${k}($c: ID!) { enterprise(creditCode: $c) { ${fields} } }`, { c: e.creditCode }, headers);
      expect(res.status).toBe(200);
    };
    for (let k = 0; k < 60; k++) await send(k);
    fed.resetStatements();
    const before = heapUsed();
    for (let k = 60; k < 460; k++) await send(k);
    fed.resetStatements();
    const grown = heapUsed() - before;
    console.log(`heap grew ${(grown / MiB).toFixed(1)} MiB over 400 distinct operations (budgets ${BUDGET / MiB} MiB each)`);
    expect(grown).toBeLessThan(3 * BUDGET + 8 * MiB);
  }, 120_000);
});

describe("the caches' budgets", () => {
  it("default to 64 MiB each and are read from the environment", () => {
    expect(baseConfig({})).toMatchObject({ decisionCacheBytes: 64 * MiB, documentCacheBytes: 64 * MiB, planCacheBytes: 64 * MiB });
    expect(baseConfig({ ECOFED_DOCUMENT_CACHE_MB: "8", ECOFED_PLAN_CACHE_MB: "16" })).toMatchObject({ documentCacheBytes: 8 * MiB, planCacheBytes: 16 * MiB });
  });

  it.each(["0", "-1", "1.5", "lots"])("refuse %s megabytes, naming the variable", (value) => {
    expect(() => baseConfig({ ECOFED_PLAN_CACHE_MB: value })).toThrow(new ConfigError(`ECOFED_PLAN_CACHE_MB must be a whole number of megabytes from 1, got "${value}"`));
  });
});
