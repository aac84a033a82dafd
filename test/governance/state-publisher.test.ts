import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GOVERNANCE_STORE_FILE, governanceMigrations } from "../../governance/migrations.js";
import { governanceKeys } from "../../governance/published-state.js";
import { openStore } from "../../storage/sqlite-store.js";
import { GovernanceStatePublisher } from "../../subgraphs/governance/state-publisher.js";
import { tcpProxy, type TcpProxy } from "../helpers/tcp-proxy.js";
import { tempDir } from "../helpers/temp-dir.js";

// Issue 14 item 11 (found by `npm run soak`): a Redis restarted without persistence holds
// nothing the governance unit published, and every gateway replica answered 503
// GOVERNANCE_UNAVAILABLE until the next grant. The publisher publishes again on every
// reconnection. The real Redis, reached through a proxy this test cuts, under its own prefix.
const REDIS_URL = new URL(process.env["REDIS_URL"] || "redis://127.0.0.1:6379");
const keys = governanceKeys(`ecofed-test-${randomUUID()}:`);
const dir = tempDir("state-publisher");
const db = openStore({ file: join(dir.path, GOVERNANCE_STORE_FILE), migrations: governanceMigrations });
const redis = createClient({ url: REDIS_URL.toString() });
let proxy: TcpProxy;
let publisher: GovernanceStatePublisher;

beforeAll(async () => {
  await redis.connect();
  proxy = await tcpProxy(REDIS_URL.hostname, Number(REDIS_URL.port || 6379));
  publisher = GovernanceStatePublisher.start(db, `redis://127.0.0.1:${proxy.port}`, keys, () => new Date());
});
afterAll(async () => {
  await publisher?.close();
  await redis.del([keys.state, keys.version]);
  await redis.close();
  db.close();
  dir.remove();
});

async function published(timeoutMs: number): Promise<string | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const version = await redis.get(keys.version);
    if (version !== null || Date.now() > deadline) return version;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("the governance state publisher", () => {
  it("publishes the state again when it reconnects to a Redis that lost it", async () => {
    const first = await published(5_000);
    expect(first).not.toBeNull();
    // What a restart without persistence leaves: the keys gone, the connection dropped.
    await proxy.cut();
    await redis.del([keys.state, keys.version]);
    await proxy.restore();
    expect(await published(10_000)).toBe(first);
    expect(await redis.get(keys.state)).not.toBeNull();
  });
});
