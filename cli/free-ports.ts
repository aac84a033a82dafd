import { createServer } from "node:net";

/**
 * Fails, in one line, when any of `ports` on `host` is taken: `npm start` while a federation
 * runs used to end in "unit soil failed to start: unexpected failure: Error: listen
 * EADDRINUSE". Checked by listening on each for a moment (what the units will do next).
 */
export async function takenPorts(host: string, ports: readonly number[]): Promise<number[]> {
  const taken: number[] = [];
  for (const port of ports) if (!(await isFree(host, port))) taken.push(port);
  return taken;
}

function isFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}
