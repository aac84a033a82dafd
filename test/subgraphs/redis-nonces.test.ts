import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { decodeJwt } from "jose";
import { createClient } from "redis";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { requestAssertion } from "../../gateway/identity/assertion.js";
import { loadOrCreatePlatformKey, type PlatformKey } from "../../gateway/identity/platform-key.js";
import { ASSERTION_HEADER, ASSERTION_TTL_SECONDS } from "../../schema/request-assertion.js";
import { StoreOpenError } from "../../storage/sqlite-store.js";
import { infoCenter } from "../../subgraphs/info-center/index.js";
import { unitNoncesFile } from "../../subgraphs/_kit/open-nonce-store.js";
import { PlatformPublicKeys } from "../../subgraphs/_kit/platform-public-keys.js";
import { nonceKey } from "../../subgraphs/_kit/redis-nonce-store.js";
import { serveUnit, type RunningUnit } from "../../subgraphs/_kit/serve-unit.js";
import { postGraphQL, type GraphQLResponse } from "../helpers/graphql-client.js";
import { tcpProxy, type TcpProxy } from "../helpers/tcp-proxy.js";
import { tempDir } from "../helpers/temp-dir.js";

// Issue 13 §2: with REDIS_URL, a unit keeps the nonces of the gateway's assertions in
// Redis, so an assertion is accepted once by all replicas of the unit and across restarts
// on a fresh machine; Redis away, the unit serves nothing (fail closed). Real Redis, real
// HTTP, under a key prefix of this run's own.
const REDIS_URL = process.env["REDIS_URL"] || "redis://127.0.0.1:6379";
const prefix = `ecofed-test-${randomUUID()}:`;
const keyDir = tempDir("nonces-keys");
const redis = createClient({ url: REDIS_URL });
const running = new Set<RunningUnit>();
const dirs: { remove(): void }[] = [];
let key: PlatformKey;

beforeAll(async () => {
  await redis.connect();
  key = await loadOrCreatePlatformKey(keyDir.path);
});
afterEach(() => vi.restoreAllMocks());
afterAll(async () => {
  for (const unit of running) await unit.close();
  for await (const keys of redis.scanIterator({ MATCH: `${prefix}*` })) if (keys.length > 0) await redis.del(keys);
  await redis.close();
  for (const dir of [keyDir, ...dirs]) dir.remove();
});

/** An info-center unit process's server, over a data dir of its own (empty: no nonce from before). */
async function serve(redisUrl = REDIS_URL): Promise<RunningUnit & { dataDir: string }> {
  const dir = tempDir("nonces-unit");
  dirs.push(dir);
  const unit = await serveUnit(infoCenter, { dataDir: dir.path, host: "127.0.0.1", port: 0, platformKeys: new PlatformPublicKeys(keyDir.path), redisUrl, redisPrefix: prefix });
  running.add(unit);
  return { ...unit, dataDir: dir.path };
}
async function stop(unit: RunningUnit): Promise<void> {
  running.delete([...running].find((u) => u.url === unit.url)!);
  await unit.close();
}

const DIVISIONS = { query: `{ divisions { code } }`, variables: {} };
const context = { requestId: "r-1", requester: { unit: "water", principal: "w", roles: [] }, purpose: "WORK_REFERENCE" as const };
const signed = (): Promise<string> => requestAssertion(key, context, { unit: "info-center", request: DIVISIONS, coordinates: ["Query.divisions", "AdministrativeDivision.code"] });
const send = (unit: RunningUnit, assertion: string): Promise<GraphQLResponse> => postGraphQL(unit.url, DIVISIONS.query, {}, { [ASSERTION_HEADER]: assertion });

function expectRefused(res: GraphQLResponse, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(res.body.errors?.map((e) => e.extensions?.["code"])).toEqual([code]);
  expect(res.body.data).toBeUndefined();
}

describe("a unit keeping the gateway's nonces in Redis (REDIS_URL)", () => {
  it("refuses a replay after it is closed and a new one starts over an empty data dir: Redis remembered", async () => {
    const first = await serve();
    const assertion = await signed();
    expect((await send(first, assertion)).status).toBe(200);
    // Kept until the assertion can no longer verify, and no longer.
    const ttl = await redis.pTTL(nonceKey(prefix, "info-center", String(decodeJwt(assertion).jti)));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual((ASSERTION_TTL_SECONDS + 5) * 1000);
    await stop(first);

    const second = await serve();
    const replay = await send(second, assertion);
    expectRefused(replay, 401, "UNAUTHENTICATED");
    expect(replay.body.errors?.[0]?.message).toMatch(/replayed/);
    expect(existsSync(unitNoncesFile(second.dataDir, "info-center"))).toBe(false);
    expect((await send(second, await signed())).status).toBe(200);
  });

  it("two servers of one unit sharing Redis accept an assertion once: the second use fails, also when both race", async () => {
    const [a, b] = await Promise.all([serve(), serve()]);
    const assertion = await signed();
    expect((await send(a, assertion)).status).toBe(200);
    expectRefused(await send(b, assertion), 401, "UNAUTHENTICATED");

    const raced = await signed();
    const answers = await Promise.all([send(a, raced), send(b, raced)]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 401]);
  });

  it("does not start when Redis is unreachable, saying so in one line", async () => {
    const error = await serve("redis://127.0.0.1:1").then(() => null, (e: Error) => e);
    // StoreOpenError: the CLI prints its message as the one line a unit process exits with.
    expect(error).toBeInstanceOf(StoreOpenError);
    expect(error!.message).toMatch(/^REDIS_URL redis:\/\/127\.0\.0\.1:1 is unreachable/);
    expect(error!.message).not.toContain("\n");
  });

  describe("when Redis is lost while it runs", () => {
    let proxy: TcpProxy;
    afterAll(() => proxy?.cut());

    it("answers 503 UNIT_UNAVAILABLE with no data, logs the outage once, and serves again once Redis is back", async () => {
      proxy = await tcpProxy("127.0.0.1", Number(new URL(REDIS_URL).port || 6379));
      const unit = await serve(`redis://127.0.0.1:${proxy.port}`);
      expect((await send(unit, await signed())).status).toBe(200);

      const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
      await proxy.cut();
      for (let i = 0; i < 3; i++) expectRefused(await send(unit, await signed()), 503, "UNIT_UNAVAILABLE");
      expect(logged.mock.calls.filter(([line]) => /Redis unreachable/.test(String(line)))).toHaveLength(1);

      await proxy.restore();
      await expect.poll(async () => (await send(unit, await signed())).status, { timeout: 10_000, interval: 250 }).toBe(200);
    });
  });
});
