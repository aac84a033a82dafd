import { createClient } from "redis";
import { decodePublishedState, type GovernanceKeys, type PublishedGovernanceState } from "../../governance/published-state.js";
import type { GovernanceReader } from "./governance-grant-source.js";

/**
 * Reads grants and suspensions shared by every gateway replica through Redis (`REDIS_URL`),
 * where the governance unit publishes them on each change. Redis unreachable or nothing
 * published yet: the replica cannot know who is suspended, so it throws (fail closed).
 */
export class RedisGovernanceReader implements GovernanceReader {
  private outage = false;

  private constructor(
    private readonly client: ReturnType<typeof createClient>,
    private readonly keys: GovernanceKeys,
  ) {}

  static async connect(url: string, keys: GovernanceKeys): Promise<RedisGovernanceReader> {
    let started = false;
    const client = createClient({
      url,
      // Queued commands would hold requests while Redis is away: fail them at once instead.
      disableOfflineQueue: true,
      socket: {
        connectTimeout: 2_000,
        // Unreachable at start: a configuration error, said at once. Lost later: reconnect.
        reconnectStrategy: (retries, cause) => (started ? Math.min(100 * 2 ** retries, 2_000) : cause),
      },
    });
    const reader = new RedisGovernanceReader(client, keys);
    client.on("error", (error: Error) => reader.logOutage(error));
    client.on("ready", () => (reader.outage = false));
    await client.connect();
    started = true;
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
