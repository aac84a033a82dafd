import { loadOrCreatePlatformKey } from "../../gateway/identity/platform-key.js";
import { signToken } from "../../gateway/identity/token.js";

/** A platform token for `unit`, signed with the key in `dataDir` (as `ecofed token` does). */
export async function tokenFor(dataDir: string, unit: string, roles: string[] = [], ttlSeconds?: number): Promise<string> {
  const key = await loadOrCreatePlatformKey(dataDir);
  return signToken(key, { unit, principal: `${unit}-test`, roles }, ttlSeconds);
}

/** Request headers for a requester reading for a purpose. */
export function asRequester(token: string, purpose?: string): Record<string, string> {
  return { authorization: `Bearer ${token}`, ...(purpose ? { "x-share-purpose": purpose } : {}) };
}
