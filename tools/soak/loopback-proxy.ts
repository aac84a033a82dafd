import { connect, createServer, type Server, type Socket } from "node:net";

/**
 * A loopback TCP proxy the soak puts between ecofed and its private Redis, so it can cut
 * Redis for every ecofed process at once (each sees its connections drop and new ones
 * refused) and restore it, while the server itself keeps running.
 */
export class LoopbackProxy {
  private readonly sockets = new Set<Socket>();
  private server: Server | null = null;
  cuts = 0;

  private constructor(
    readonly port: number,
    private readonly targetPort: number,
  ) {}

  static async start(port: number, targetPort: number): Promise<LoopbackProxy> {
    const proxy = new LoopbackProxy(port, targetPort);
    await proxy.listen();
    return proxy;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Drops every connection and closes the port: to its clients, Redis is gone. */
  async cut(): Promise<void> {
    this.cuts++;
    await this.close();
  }

  /** Listens again on the same port. */
  restore(): Promise<void> {
    return this.listen();
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    const closed = server ? new Promise<void>((resolve) => server.close(() => resolve())) : Promise.resolve();
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.on("close", () => this.sockets.delete(socket));
    socket.on("error", () => socket.destroy());
  }

  private listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      const server = createServer((client) => {
        const upstream = connect(this.targetPort, "127.0.0.1");
        this.track(client);
        this.track(upstream);
        // Either side gone: the other goes too, as a dropped connection would.
        client.on("close", () => upstream.destroy());
        upstream.on("close", () => client.destroy());
        client.pipe(upstream).pipe(client);
      });
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", () => {
        server.off("error", reject);
        this.server = server;
        resolve();
      });
    });
  }
}
