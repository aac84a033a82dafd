import { join } from "node:path";
import { createClient } from "redis";
import { RedisAuditWitness, witnessKey } from "./redis-witness.js";
import { AUDIT_WITNESS_FILE, SqliteAuditWitness } from "./sqlite-witness.js";
import type { AuditWitness } from "./witness.js";

export interface WitnessPlace {
  readonly dataDir: string;
  readonly redisUrl?: string | null | undefined;
  readonly redisPrefix?: string | undefined;
  /** Whose logs: each gateway replica has its own witness (`ECOFED_REPLICA_ID`). */
  readonly replicaId: string;
}

/**
 * The witness where the deployment keeps shared state: Redis when configured (another
 * machine than the log's), else a store file of its own beside the log — which stops a
 * log emptied, truncated or replaced through SQL or by deleting the file, though not a
 * local user who rewrites both files (Redis does).
 */
export async function openAuditWitness(place: WitnessPlace): Promise<AuditWitness> {
  if (!place.redisUrl) return SqliteAuditWitness.open(join(place.dataDir, AUDIT_WITNESS_FILE));
  let started = false;
  const client = createClient({
    url: place.redisUrl,
    disableOfflineQueue: true,
    // Unreachable at start: said at once; lost later: reconnect (an advance missed meanwhile is made at the next checkpoint).
    socket: { connectTimeout: 2_000, reconnectStrategy: (retries, cause) => (started ? Math.min(100 * 2 ** retries, 2_000) : cause) },
  });
  client.on("error", () => undefined);
  try {
    await client.connect();
    started = true;
  } catch (error) {
    throw new Error(`the audit witness in Redis ${place.redisUrl} is unreachable: ${(error as Error).message}`);
  }
  return new RedisAuditWitness(client, witnessKey(place.redisPrefix ?? "ecofed:", place.replicaId));
}
