import { createClient } from "redis";

export type RedisClient = ReturnType<typeof createClient>;

/**
 * A connected client to shared state that must fail closed: commands sent while Redis is
 * away fail at once (a queue would hold requests instead), an unreachable Redis at start
 * rejects at once (a configuration error, said in one line by the caller), and a connection
 * lost later is re-made in the background. `onError` hears every connection error; without
 * a listener node-redis would crash the process on the first one.
 */
export async function connectRedis(url: string, onError: (error: Error) => void = () => undefined): Promise<RedisClient> {
  let started = false;
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2_000,
      reconnectStrategy: (retries, cause) => (started ? Math.min(100 * 2 ** retries, 2_000) : cause),
    },
  });
  client.on("error", onError);
  await client.connect();
  started = true;
  return client;
}

/** The URL without its password, for messages and logs. */
export function redactedRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparsable URL)";
  }
}
