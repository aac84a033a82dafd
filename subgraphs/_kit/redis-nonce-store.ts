import { checkFailed, CHECK_OK, type CheckResult } from "../../server/health-report.js";
import { connectRedis, redactedRedisUrl, type RedisClient } from "../../storage/redis-connect.js";
import { StoreOpenError } from "../../storage/sqlite-store.js";
import type { NonceStore } from "./nonce-store.js";

/** One unit's nonce in Redis: units sharing a Redis never meet, nor federations (by prefix). */
export function nonceKey(prefix: string, unit: string, nonce: string): string {
  return `${prefix}nonce:${unit}:${nonce}`;
}

/** Longest a health request waits for Redis: a Redis that answers slower serves no request either. */
const PING_TIMEOUT_MS = 1_000;

/**
 * The nonces in Redis (`REDIS_URL`): shared by every replica of a unit and independent of
 * its data dir, so an assertion used at one replica, or before a restart on a fresh
 * machine, is still refused. While Redis is away `remember` throws (fail closed).
 */
export class RedisNonceStore implements NonceStore {
  private outage = false;

  private constructor(
    private readonly client: RedisClient,
    private readonly prefix: string,
    private readonly unit: string,
  ) {}

  /** Unreachable at start: a StoreOpenError, the one line the unit's process prints before it exits. */
  static async connect(url: string, prefix: string, unit: string): Promise<RedisNonceStore> {
    let store: RedisNonceStore | undefined;
    try {
      const client = await connectRedis(url, (error) => store?.logOutage(error));
      store = new RedisNonceStore(client, prefix, unit);
      return store;
    } catch (error) {
      throw new StoreOpenError(`REDIS_URL ${redactedRedisUrl(url)} is unreachable (unit ${unit} keeps the gateway's nonces there): ${(error as Error).message || String(error)}`);
    }
  }

  async remember(nonce: string, expiresAtMs: number): Promise<boolean> {
    try {
      // NX makes the first use win atomically, whichever replica of the unit sees it. A
      // lifetime relative to now (PX), not an instant (PXAT): Redis's clock may run ahead of ours.
      const ttl = Math.max(1, Math.ceil(expiresAtMs - Date.now()));
      const reply = await this.client.set(nonceKey(this.prefix, this.unit, nonce), "1", { condition: "NX", expiration: { type: "PX", value: ttl } });
      this.outage = false;
      return reply === "OK";
    } catch (error) {
      this.logOutage(error as Error);
      throw error;
    }
  }

  /** Asks Redis itself: the connection state alone misses a Redis that hangs without closing. */
  async health(): Promise<CheckResult> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${PING_TIMEOUT_MS} ms`)), PING_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.client.ping(), late]);
      return CHECK_OK;
    } catch (error) {
      return checkFailed("NONCE_STORE_UNREACHABLE", `Redis, where this unit keeps the gateway's nonces, does not answer: ${(error as Error).message || String(error)}`);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    if (this.client.isOpen) await this.client.close();
  }

  // Once per outage: a unit under load would otherwise log every refused request.
  private logOutage(error: Error): void {
    if (this.outage) return;
    this.outage = true;
    console.error(`ecofed: unit ${this.unit}: Redis unreachable (${error.message}); requests get UNIT_UNAVAILABLE until it is back`);
  }
}
