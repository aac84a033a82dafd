import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../audit/verify-chain.js";
import { demoEnterprises } from "../../demo/enterprises.js";
import { PlatformPublicKeys } from "../../subgraphs/_kit/platform-public-keys.js";
import { isAlive, startFederation, type RunningFederation } from "../helpers/federation.js";
import { tempDir } from "../helpers/temp-dir.js";
import { asRequester, tokenFor } from "../helpers/tokens.js";

const dir = tempDir("crash");
let federation: RunningFederation | undefined;
afterAll(async () => {
  // If an assertion failed before the kill, nothing is left running.
  await federation?.process.stop();
  dir.remove();
});

describe("a gateway killed under load (kill -9)", () => {
  it("loses no record of any response a client received", async () => {
    federation = await startFederation(dir.path);
    const { url, units } = federation;
    const headers = { "content-type": "application/json", ...asRequester(await tokenFor(dir.path, "water"), "WORK_REFERENCE") };
    const codes = demoEnterprises().map((e) => e.creditCode);
    const received: string[] = [];
    let stop = false;
    const worker = async (w: number): Promise<void> => {
      for (let i = 0; !stop; i++) {
        try {
          const res = await fetch(url, {
            method: "POST",
            headers,
            body: JSON.stringify({ query: `query ($c: ID!) { enterprise(creditCode: $c) { name } }`, variables: { c: codes[(w * 997 + i) % codes.length] } }),
          });
          const body = (await res.json()) as { data?: { enterprise?: { name?: string } } };
          if (res.status === 200 && body.data?.enterprise?.name) received.push(res.headers.get("x-request-id")!);
        } catch {
          return; // the gateway is gone
        }
      }
    };
    const workers = Array.from({ length: 12 }, (_, w) => worker(w));
    await new Promise((r) => setTimeout(r, 1_500));
    process.kill(federation.process.child.pid!, "SIGKILL");
    stop = true;
    await Promise.all(workers);
    // The units see their supervisor go and stop themselves.
    for (let t = 0; t < 100 && [...units.values()].some((u) => isAlive(u.pid)); t++) await new Promise((r) => setTimeout(r, 100));
    expect([...units.values()].some((u) => isAlive(u.pid))).toBe(false);

    expect(received.length).toBeGreaterThan(50);
    const db = new Database(join(dir.path, "audit.sqlite"), { readonly: true });
    try {
      const recorded = new Set(
        (db.prepare(`SELECT request_id FROM access_records WHERE coordinate = 'Enterprise.name' AND decision = 'ALLOWED'`).all() as { request_id: string }[]).map((r) => r.request_id),
      );
      const missing = received.filter((id) => !recorded.has(id));
      expect(missing).toEqual([]);
      const keys = new PlatformPublicKeys(dir.path);
      expect(await verifyAuditChain(db, (kid) => keys.historyKey(kid))).toMatchObject({ ok: true });
    } finally {
      db.close();
    }
  });
});
