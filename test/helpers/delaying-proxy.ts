import { connect, createServer, type Socket } from "node:net";
import type { AddressInfo } from "node:net";

export interface DelayingProxy {
  readonly port: number;
  /** How long each piece of the server's answer is held before it goes on; 0 passes it at once. */
  delayMs: number;
  /** Connections closed by their client while an answer was still awaited or held: fetches the client cut. */
  cut(): number;
  /** Pieces of an answer the server sent after its client had gone: they went nowhere. */
  dropped(): number;
  /** Client connections still open. */
  open(): number;
  close(): Promise<void>;
}

/**
 * A loopback TCP proxy to a real server that delays the server's answers: a slow unit,
 * made slow without touching it or any production code. Requests pass at once (the
 * server does its work and answers in time); what it sends back waits `delayMs`. When the
 * client closes, the server's side is closed too; an answer still held comes due for
 * nobody (counted in `dropped`): the unit answered after its client gave up.
 */
export async function delayingProxy(targetPort: number, delayMs: number): Promise<DelayingProxy> {
  const clients = new Set<Socket>();
  let cut = 0;
  let dropped = 0;
  const server = createServer((client) => {
    clients.add(client);
    const upstream = connect(targetPort, "127.0.0.1");
    const timers = new Set<NodeJS.Timeout>();
    let awaiting = false;
    client.on("data", (chunk: Buffer) => {
      awaiting = true;
      upstream.write(chunk);
    });
    const deliver = (chunk: Buffer): void => {
      if (client.destroyed) {
        dropped += 1;
        return;
      }
      awaiting = false;
      client.write(chunk);
    };
    upstream.on("data", (chunk: Buffer) => {
      if (proxy.delayMs === 0 && timers.size === 0) return deliver(chunk);
      const timer = setTimeout(() => (timers.delete(timer), deliver(chunk)), proxy.delayMs);
      timers.add(timer);
    });
    client.on("close", () => {
      clients.delete(client);
      if (awaiting || timers.size > 0) cut += 1;
      upstream.destroy();
    });
    upstream.on("close", () => client.destroy());
    client.on("error", () => client.destroy());
    upstream.on("error", () => upstream.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const proxy: DelayingProxy = {
    port: (server.address() as AddressInfo).port,
    delayMs,
    cut: () => cut,
    dropped: () => dropped,
    open: () => clients.size,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const client of clients) client.destroy();
      await closed;
    },
  };
  return proxy;
}
