import { setTimeout as sleep } from "node:timers/promises";
import { GatewayClient, requesterHeaders } from "./gateway-client.js";

// README's first cross-unit query: five units (info-center, permits, enforcement, atmosphere,
// water) and Redis (governance state, every unit's nonces) must all answer for it to pass.
const JOINED = JSON.stringify({
  query: `{ enterprises(first: 1) { nodes { creditCode name division { name } permit { permitNumber } penalties { decisionNumber } emissions { month } outfalls { name } } } }`,
});

/** Whether the federation serves again: a cross-unit query answered 200 with no error at all. */
export class RecoveryProbe {
  constructor(
    private readonly url: string,
    private readonly token: string,
  ) {}

  /** Polls until the probe passes; resolves with how long that took, or null when it did not within `timeoutMs`. */
  async waitUntilServing(timeoutMs: number): Promise<number | null> {
    const started = Date.now();
    const client = new GatewayClient(this.url, 1);
    try {
      while (Date.now() - started < timeoutMs) {
        const ok = await client.post(JOINED, requesterHeaders(this.token, "WORK_REFERENCE"), 10_000).then(
          (res) => res.status === 200 && !(JSON.parse(res.body) as { errors?: unknown }).errors,
          () => false,
        );
        if (ok) return Date.now() - started;
        await sleep(250);
      }
      return null;
    } finally {
      client.close();
    }
  }

  /** Whether `/health` answers 200 within `timeoutMs`. */
  async healthy(timeoutMs: number): Promise<boolean> {
    const started = Date.now();
    const client = new GatewayClient(this.url, 1);
    try {
      while (Date.now() - started < timeoutMs) {
        if ((await client.get("/health").catch(() => null))?.status === 200) return true;
        await sleep(250);
      }
      return false;
    } finally {
      client.close();
    }
  }
}
