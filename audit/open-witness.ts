import { join } from "node:path";
import { connectRedis, redactedRedisUrl } from "../storage/redis-connect.js";
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
  let client;
  try {
    // A missed advance while Redis is away is made at the next checkpoint.
    client = await connectRedis(place.redisUrl);
  } catch (error) {
    throw new Error(`the audit witness in Redis ${redactedRedisUrl(place.redisUrl)} is unreachable: ${(error as Error).message}`);
  }
  return new RedisAuditWitness(client, witnessKey(place.redisPrefix ?? "ecofed:", place.replicaId));
}
