import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postGraphQL } from "../helpers/graphql-client.js";
import { isAlive, startFederation, type RunningFederation } from "../helpers/federation.js";
import { tempDir } from "../helpers/temp-dir.js";
import { asRequester, tokenFor } from "../helpers/tokens.js";

/*
 * Issue 14 item 4 as `npm start` runs it: a killed unit is started again on its port and the
 * gateway, never restarted, reaches it; a supervisor killed outright leaves no unit behind.
 */

const dir = tempDir("e2e-supervision");
let federation: RunningFederation;

beforeAll(async () => {
  federation = await startFederation(dir.path);
});
afterAll(async () => {
  await federation?.process.stop();
  dir.remove();
});

const DIVISIONS = `{ divisions { code } }`;

/** True while `pid` runs: an orphan's zombie waits for whoever adopted it to reap it. */
function runs(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return isAlive(pid);
  }
}

describe("ecofed start supervises its units", () => {
  it("restarts a killed unit on its port and the running gateway answers from it again", async () => {
    const headers = asRequester(await tokenFor(dir.path, "info-center"));
    const before = await postGraphQL(federation.url, DIVISIONS, {}, headers);
    expect(before.body.errors).toBeUndefined();
    const unit = federation.units.get("info-center")!;
    process.kill(unit.pid, "SIGKILL");
    const [, url, pid] = await federation.process.waitFor(/unit info-center restarted at (\S+) \(pid (\d+)\)/, 30_000);
    expect(url).toBe(unit.url);
    expect(Number(pid)).not.toBe(unit.pid);
    const after = await postGraphQL(federation.url, DIVISIONS, {}, headers);
    expect(after.status).toBe(200);
    expect(after.body).toEqual(before.body);
  });

  it("leaves no unit running when the supervisor itself is killed", async () => {
    const pids = [...federation.process.output().matchAll(/unit \S+ (?:restarted )?at \S+ \(pid (\d+)\)/g)].map((m) => Number(m[1])).filter(runs);
    expect(pids.length).toBe(federation.units.size);
    federation.process.child.kill("SIGKILL");
    const deadline = Date.now() + 10_000;
    while (pids.some(runs) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(pids.filter(runs)).toEqual([]);
  });
});
