import { Agent, request } from "node:http";

/** One answer from the gateway, as the soak keeps it. */
export interface HttpAnswer {
  readonly status: number;
  /** The X-Request-Id header (CONTRACT §2: every response carries one). */
  readonly requestId: string | null;
  readonly body: string;
  readonly latencyMs: number;
}

/** The headers of a request by `token` for `purpose` (none: no X-Share-Purpose). */
export function requesterHeaders(token: string, purpose: string | null): Record<string, string> {
  return {
    authorization: `Bearer ${token}`,
    ...(purpose ? { "x-share-purpose": purpose } : {}),
    "apollographql-client-name": "ecofed-soak",
  };
}

/**
 * node:http over kept-alive connections to the gateway (as the benchmarks' load generator):
 * a connection the killed gateway dropped fails its request, and the next one opens anew.
 */
export class GatewayClient {
  private readonly agent: Agent;
  private readonly target: URL;

  constructor(url: string, concurrency: number) {
    this.agent = new Agent({ keepAlive: true, maxSockets: concurrency });
    this.target = new URL(url);
  }

  /** POSTs a JSON body; rejects on a connection error or after `timeoutMs` without an answer. */
  post(body: string, headers: Record<string, string>, timeoutMs = 60_000): Promise<HttpAnswer> {
    return this.send("POST", this.target, body, { ...headers, "content-type": "application/json" }, timeoutMs);
  }

  /** GETs another path of the gateway (`/health`). */
  get(path: string, timeoutMs = 10_000): Promise<HttpAnswer> {
    return this.send("GET", new URL(path, this.target), null, {}, timeoutMs);
  }

  close(): void {
    this.agent.destroy();
  }

  private send(method: string, url: URL, body: string | null, headers: Record<string, string>, timeoutMs: number): Promise<HttpAnswer> {
    const payload = body === null ? null : Buffer.from(body);
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = request(url, { method, agent: this.agent, headers: payload ? { ...headers, "content-length": payload.length } : headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.once("error", reject);
        res.once("end", () => {
          const id = res.headers["x-request-id"];
          resolve({
            status: res.statusCode ?? 0,
            requestId: typeof id === "string" ? id : null,
            body: Buffer.concat(chunks).toString("utf8"),
            latencyMs: performance.now() - started,
          });
        });
      });
      req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
      req.once("error", reject);
      req.end(payload ?? undefined);
    });
  }
}
