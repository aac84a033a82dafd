import type { RedisClient } from "../storage/redis-connect.js";
import { isWitnessEntry, type AuditWitness, type WitnessEntry } from "./witness.js";

// Compare and set in one step on the server: two writers racing never move it back.
const ADVANCE = `
local held = redis.call('HGET', KEYS[1], ARGV[1])
if held and cjson.decode(held).headId >= tonumber(ARGV[2]) then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
return 1`;

/** The key under which a replica's witness lives: one hash, a field per log. */
export function witnessKey(prefix: string, replica: string): string {
  return `${prefix}audit:witness:${replica}`;
}

/**
 * The witness in Redis (`REDIS_URL`): on another machine than the log, so a local user who
 * can rewrite the data dir cannot also rewind what it holds. It owns its client.
 */
export class RedisAuditWitness implements AuditWitness {
  constructor(
    private readonly client: RedisClient,
    private readonly key: string,
  ) {}

  async advance(e: WitnessEntry): Promise<void> {
    await this.client.eval(ADVANCE, { keys: [this.key], arguments: [e.logId, String(e.headId), JSON.stringify(e)] });
  }

  async entries(): Promise<readonly WitnessEntry[]> {
    const held = await this.client.hGetAll(this.key);
    return Object.values(held)
      .map((text) => JSON.parse(text) as unknown)
      .filter(isWitnessEntry)
      .sort((a, b) => a.logId.localeCompare(b.logId));
  }

  async close(): Promise<void> {
    if (this.client.isOpen) await this.client.close();
  }
}
