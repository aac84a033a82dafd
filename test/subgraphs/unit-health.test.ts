import { randomUUID } from "node:crypto";
import { copyFileSync, renameSync, rmSync } from "node:fs";
import { createClient } from "redis";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { loadOrCreatePlatformKey } from "../../gateway/identity/platform-key.js";
import { openStore } from "../../storage/sqlite-store.js";
import { soil } from "../../subgraphs/soil/index.js";
import { unitNoncesFile } from "../../subgraphs/_kit/open-nonce-store.js";
import { PlatformPublicKeys } from "../../subgraphs/_kit/platform-public-keys.js";
import { serveUnit, unitStoreFile, type RunningUnit } from "../../subgraphs/_kit/serve-unit.js";
import { StoreHealth } from "../../subgraphs/_kit/store-health.js";
import { tcpProxy, type TcpProxy } from "../helpers/tcp-proxy.js";
import { tempDir } from "../helpers/temp-dir.js";

/*
 * Issue 14 item 5: a unit's /health (= /health/ready) reflects its store. A store file
 * deleted or replaced under the running unit goes unnoticed by SQLite (it keeps the inode
 * it opened), so without this check the unit answered 200 while what it wrote went nowhere.
 * Real units over HTTP on 127.0.0.1, port 0; a real Redis behind a proxy the test cuts.
 */

const OK = { ok: true };
const REDIS_URL = process.env["REDIS_URL"] || "redis://127.0.0.1:6379";
const prefix = `ecofed-test-${randomUUID()}:`;
const keys = tempDir("unit-health-keys");
const dirs: { remove(): void }[] = [keys];
const running: RunningUnit[] = [];

beforeAll(() => loadOrCreatePlatformKey(keys.path));
afterEach(() => vi.restoreAllMocks());
afterAll(async () => {
  for (const unit of running) await unit.close();
  const redis = createClient({ url: REDIS_URL });
  await redis.connect();
  for await (const found of redis.scanIterator({ MATCH: `${prefix}*` })) if (found.length > 0) await redis.del(found);
  await redis.close();
  for (const dir of dirs) dir.remove();
});

/** A soil unit over a data dir of its own, verifying the gateway's assertions as a unit process does. */
async function serve(redisUrl?: string): Promise<RunningUnit & { dataDir: string }> {
  const dir = tempDir("unit-health");
  dirs.push(dir);
  const unit = await serveUnit(soil, { dataDir: dir.path, host: "127.0.0.1", port: 0, platformKeys: new PlatformPublicKeys(keys.path), redisUrl, redisPrefix: prefix });
  running.push(unit);
  return { ...unit, dataDir: dir.path };
}

async function health(unit: RunningUnit, path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(unit.url.replace(/\/graphql$/, path));
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

function remove(file: string): void {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
}

describe("a unit's /health", () => {
  it("answers 200 while its store and nonce store can be used, naming what it checked at /health/ready", async () => {
    const unit = await serve();
    expect(await health(unit, "/health")).toEqual({ status: 200, body: { status: "ok" } });
    expect(await health(unit, "/health/ready")).toEqual({ status: 200, body: { ready: true, status: "ok", checks: { store: OK, nonces: OK } } });
    expect(await health(unit, "/health/live")).toEqual({ status: 200, body: { live: true } });
  });

  it("store file deleted under the running unit: 503 STORE_DELETED at /health and /health/ready, live stays 200", async () => {
    const unit = await serve();
    remove(unitStoreFile(unit.dataDir, "soil"));
    const answer = await health(unit, "/health");
    expect(answer).toMatchObject({
      status: 503,
      body: { ready: false, status: "unavailable", checks: { store: { ok: false, code: "STORE_DELETED" }, nonces: OK } },
    });
    expect(answer.body["reason"]).toMatch(/^store: the store .*soil\.sqlite was deleted under the running unit$/);
    expect(await health(unit, "/health/ready")).toEqual(answer);
    expect(await health(unit, "/health/live")).toEqual({ status: 200, body: { live: true } });
  });

  it("store file replaced under the running unit: 503 STORE_REPLACED", async () => {
    const unit = await serve();
    const file = unitStoreFile(unit.dataDir, "soil");
    copyFileSync(file, `${file}.copy`);
    renameSync(`${file}.copy`, file);
    expect(await health(unit, "/health")).toMatchObject({ status: 503, body: { checks: { store: { ok: false, code: "STORE_REPLACED" } } } });
  });

  it("its SQLite nonce store deleted: 503, the nonces check names it", async () => {
    const unit = await serve();
    remove(unitNoncesFile(unit.dataDir, "soil"));
    expect(await health(unit, "/health")).toMatchObject({ status: 503, body: { checks: { store: OK, nonces: { ok: false, code: "STORE_DELETED" } } } });
  });

  describe("with its nonces in Redis", () => {
    let proxy: TcpProxy | undefined;
    afterAll(() => proxy?.cut());

    it("Redis unreachable: 503 NONCE_STORE_UNREACHABLE; Redis back: 200", async () => {
      proxy = await tcpProxy("127.0.0.1", Number(new URL(REDIS_URL).port || 6379));
      const unit = await serve(`redis://127.0.0.1:${proxy.port}`);
      expect(await health(unit, "/health/ready")).toEqual({ status: 200, body: { ready: true, status: "ok", checks: { store: OK, nonces: OK } } });

      vi.spyOn(console, "error").mockImplementation(() => undefined);
      await proxy.cut();
      expect(await health(unit, "/health")).toMatchObject({
        status: 503,
        body: { ready: false, checks: { store: OK, nonces: { ok: false, code: "NONCE_STORE_UNREACHABLE" } } },
      });

      await proxy.restore();
      await expect.poll(async () => (await health(unit, "/health")).status, { timeout: 10_000, interval: 250 }).toBe(200);
    });
  });
});

describe("StoreHealth", () => {
  it("a store whose connection cannot run a statement: STORE_UNREADABLE", () => {
    const dir = tempDir("store-health");
    dirs.push(dir);
    const file = `${dir.path}/s.sqlite`;
    const db = openStore({ file, migrations: [] });
    const check = new StoreHealth(db, file);
    try {
      expect(check.check()).toEqual(OK);
      db.close();
      expect(check.check()).toMatchObject({ ok: false, code: "STORE_UNREADABLE" });
    } finally {
      check.close();
    }
  });
});
