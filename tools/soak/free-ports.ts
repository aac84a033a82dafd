import { readFileSync } from "node:fs";
import { createServer } from "node:net";

/** Whether 127.0.0.1:`port` can be bound now. */
function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** Where the system picks the local ports of outgoing connections (Linux; the usual range elsewhere). */
function ephemeralStart(): number {
  try {
    return Number(readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").trim().split(/\s+/)[0]) || 32_768;
  } catch {
    return 32_768;
  }
}

/**
 * The first of `count` consecutive free ports: `ecofed start` puts the gateway on its base
 * port and the units on the ones after it, and must find them all again after a kill. Below
 * the ephemeral range: while a killed process is down, an outgoing connection (the Redis
 * proxy's, say) could otherwise be given its port, and it could not listen there again.
 */
export async function freePortRange(count: number, attempts = 50): Promise<number> {
  const low = 15_000;
  const high = Math.max(low + count, ephemeralStart() - count);
  for (let i = 0; i < attempts; i++) {
    const base = low + Math.floor(Math.random() * (high - low));
    let all = true;
    for (let p = base; p < base + count && all; p++) all = await bindable(p);
    if (all) return base;
  }
  throw new Error(`no ${count} consecutive free ports found on 127.0.0.1`);
}
