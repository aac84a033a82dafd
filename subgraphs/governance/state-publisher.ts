import type Database from "better-sqlite3";
import { createClient } from "redis";
import { readGovernanceState, readGovernanceVersion } from "../../governance/governance-state.js";
import { encodePublishedState, type GovernanceKeys } from "../../governance/published-state.js";
import { GraphQLError } from "graphql";

const RETRY_MS = 2_000;

/**
 * Publishes the grants and suspensions in force to Redis for every gateway replica
 * (`REDIS_URL`, CONTRACT §7: a grant takes effect on the very next request on every
 * replica). Called before each answer leaves the unit: when the store's state version
 * moved, the answer waits until Redis holds the new state. Publishes run one at a time and
 * always read the latest state, so an older state never overwrites a newer one.
 */
export class GovernanceStatePublisher {
  private publishedVersion = -1;
  private chain: Promise<void> = Promise.resolve();
  private retry: NodeJS.Timeout | undefined;

  private constructor(
    private readonly db: Database.Database,
    private readonly client: ReturnType<typeof createClient>,
    private readonly keys: GovernanceKeys,
    private readonly now: () => Date,
  ) {}

  /** Connects in the background and publishes the current state as soon as Redis answers. */
  static start(db: Database.Database, url: string, keys: GovernanceKeys, now: () => Date): GovernanceStatePublisher {
    const client = createClient({ url, disableOfflineQueue: true, socket: { connectTimeout: 2_000, reconnectStrategy: () => RETRY_MS } });
    const publisher = new GovernanceStatePublisher(db, client, keys, now);
    client.on("error", () => undefined); // each failed publish says why; the client reconnects on its own
    client.on("ready", () => publisher.republish());
    client.connect().catch(() => publisher.retryLater());
    return publisher;
  }

  /** Resolves once Redis holds the state the store holds now; throws (HTTP 503) when it cannot. */
  publishIfChanged(): Promise<void> {
    const run = this.chain.then(() => this.publish());
    this.chain = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    clearTimeout(this.retry);
    if (this.client.isOpen) await this.client.close();
  }

  private async publish(): Promise<void> {
    const version = readGovernanceVersion(this.db);
    if (version === this.publishedVersion) return;
    const state = readGovernanceState(this.db, this.now());
    const { json, version: digest } = encodePublishedState({ grants: state.grants, suspensions: state.suspensions });
    try {
      // The state first, then its version: a replica that sees the new version finds the new state.
      await this.client.multi().set(this.keys.state, json).set(this.keys.version, digest).exec();
    } catch (error) {
      this.retryLater();
      // Answered with HTTP 503 (the unit's server does so for a failure before the answer leaves).
      throw new GraphQLError(`recorded, but the gateway replicas cannot be told yet (Redis: ${(error as Error).message}); it takes effect once Redis is back`, {
        extensions: { code: "GOVERNANCE_UNAVAILABLE" },
      });
    }
    this.publishedVersion = version;
  }

  /**
   * Every (re)connection publishes again, changed or not: the Redis found may hold nothing of
   * what was published (restarted without persistence, failed over to an empty replica), and
   * every gateway replica would answer GOVERNANCE_UNAVAILABLE until the next grant (issue 14
   * item 11: the soak's Redis restart left the federation serving nothing).
   */
  private republish(): void {
    this.publishedVersion = -1;
    this.publishIfChanged().catch(() => this.retryLater());
  }

  private retryLater(): void {
    if (this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.publishIfChanged().catch(() => this.retryLater());
    }, RETRY_MS);
    this.retry.unref();
  }
}
