import { decodePublishedState, type GovernanceKeys, type PublishedGovernanceState } from "../../governance/published-state.js";
import type { GovernanceReader } from "./governance-grant-source.js";
import { connectRedis, type RedisClient } from "../../storage/redis-connect.js";

/**
 * Reads grants and suspensions shared by every gateway replica through Redis (`REDIS_URL`),
 * where the governance unit publishes them on each change. Redis unreachable or nothing
 * published yet: the replica cannot know who is suspended, so it throws (fail closed).
 */
export class RedisGovernanceReader implements GovernanceReader {
  private outage = false;

  private constructor(
    private readonly client: RedisClient,
    private readonly keys: GovernanceKeys,
  ) {}

  static async connect(url: string, keys: GovernanceKeys): Promise<RedisGovernanceReader> {
    // Unreachable at start: the connect rejects and the caller says so; only later outages are logged here.
    let reader: RedisGovernanceReader | undefined;
    const client = await connectRedis(url, (error) => reader?.logOutage(error));
    client.on("ready", () => reader && (reader.outage = false));
    reader = new RedisGovernanceReader(client, keys);
    return reader;
  }

  async version(): Promise<string> {
    const version = await this.client.get(this.keys.version);
    if (version === null) throw new Error("no governance state is published in Redis yet (is the governance unit running with REDIS_URL?)");
    return `redis:${version}`;
  }

  async state(): Promise<PublishedGovernanceState> {
    const json = await this.client.get(this.keys.state);
    if (json === null) throw new Error("the governance state is missing from Redis");
    return decodePublishedState(json);
  }

  async close(): Promise<void> {
    if (this.client.isOpen) await this.client.close();
  }

  private logOutage(error: Error): void {
    if (this.outage) return;
    this.outage = true;
    console.error(`ecofed: Redis unreachable (${error.message}); requests get GOVERNANCE_UNAVAILABLE until it is back`);
  }
}
