import { join } from "node:path";
import type { NonceStore } from "./nonce-store.js";
import { RedisNonceStore } from "./redis-nonce-store.js";
import { SeenNonces } from "./seen-nonces.js";

export interface NoncePlace {
  readonly dataDir: string;
  readonly unit: string;
  readonly redisUrl?: string | null | undefined;
  /** `ECOFED_REDIS_PREFIX`: federations sharing one Redis keep apart. */
  readonly redisPrefix?: string | undefined;
}

/** Where a unit keeps the nonces of the assertions it accepted without Redis (they outlive a restart). */
export function unitNoncesFile(dataDir: string, unit: string): string {
  return join(dataDir, `${unit}.nonces.sqlite`);
}

/**
 * Redis when the deployment has one: the unit's replicas then share one memory, so an
 * assertion accepted by one is refused by all. Otherwise a store file in the data dir.
 */
export async function openNonceStore(place: NoncePlace): Promise<NonceStore> {
  if (!place.redisUrl) return SeenNonces.open(unitNoncesFile(place.dataDir, place.unit));
  return RedisNonceStore.connect(place.redisUrl, place.redisPrefix ?? "ecofed:", place.unit);
}
