import { closeSync, openSync, rmSync, statSync, writeSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { demoEnterprises } from "../../demo/enterprises.js";
import { startFederation, type RunningFederation } from "../helpers/federation.js";
import { postGraphQL } from "../helpers/graphql-client.js";
import { tempDir } from "../helpers/temp-dir.js";
import { asRequester, tokenFor } from "../helpers/tokens.js";

// Issue 13 §3 over the real federation (`ecofed start`: gateway and unit processes): the
// audit file deleted under the running gateway, or before a restart, or damaged in place.

const dir = tempDir("audit-deletion");
const audit = join(dir.path, "audit.sqlite");
let federation: RunningFederation | undefined;
afterAll(async () => {
  await federation?.process.stop();
  dir.remove();
});

const enterprise = demoEnterprises()[0]!;
const READ = `query ($c: ID!) { enterprise(creditCode: $c) { name } }`;

async function read(url: string) {
  return postGraphQL(url, READ, { c: enterprise.creditCode }, asRequester(await tokenFor(dir.path, "water"), "WORK_REFERENCE"));
}

async function integrity(url: string) {
  const res = await postGraphQL(url, `{ auditIntegrity { ok records firstBrokenId problem problems } }`, {}, asRequester(await tokenFor(dir.path, "info-center", ["security"]), "DATA_VERIFICATION"));
  return res.body.data?.["auditIntegrity"] as { ok: boolean; records: number; firstBrokenId: string | null; problem: string | null; problems: string[] };
}

const health = async (base: string) => {
  const res = await fetch(`${base}/health`);
  return { status: res.status, body: (await res.json()) as { status: string; reason?: string } };
};

function removeAudit(): void {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${audit}${suffix}`, { force: true });
}

describe("the audit log deleted or damaged (real processes)", () => {
  it("deleted while the federation is stopped: after a restart it serves, and auditIntegrity names the records that are gone", async () => {
    federation = await startFederation(dir.path);
    for (let i = 0; i < 3; i++) expect((await read(federation.url)).status).toBe(200);
    expect(await integrity(federation.url)).toMatchObject({ ok: true, problems: [] });
    await federation.process.stop();
    const raw = new Database(audit, { readonly: true });
    const last = (raw.prepare(`SELECT max(id) AS id FROM audit_records`).get() as { id: number }).id;
    raw.close();
    removeAudit();

    federation = await startFederation(dir.path);
    expect((await health(federation.base)).status).toBe(200);
    const result = await integrity(federation.url);
    expect(result.ok).toBe(false);
    expect(result.problem).toMatch(new RegExp(`log \\S+ is gone .*records 1–${last} of it are missing`));
  });

  it("deleted under the running gateway: the next request is refused 503 AUDIT_UNAVAILABLE with no data, /health says why", async () => {
    expect((await read(federation!.url)).status).toBe(200);
    const raw = new Database(audit, { readonly: true });
    const logId = (raw.prepare(`SELECT value FROM audit_meta WHERE key = 'log_id'`).get() as { value: string }).value;
    raw.close();
    removeAudit();
    const refused = await read(federation!.url);
    expect(refused.status).toBe(503);
    expect(refused.body.errors?.map((e) => e.extensions?.["code"])).toEqual(["AUDIT_UNAVAILABLE"]);
    expect(refused.body.data ?? null).toBeNull();
    expect(JSON.stringify(refused.body)).not.toContain(enterprise.name);
    const h = await health(federation!.base);
    expect(h).toMatchObject({ status: 503, body: { status: "unavailable", reason: expect.stringMatching(/deleted under the running gateway/) } });
    // Restarted over what is left, the log that took those records is reported gone — up to the
    // last record it took, which the gateway signed for its witness when it found the file gone.
    await federation!.process.stop();
    federation = await startFederation(dir.path);
    const result = await integrity(federation.url);
    expect(result.ok).toBe(false);
    expect(result.problems.join("\n")).toMatch(new RegExp(`log ${logId} is gone .*records 1–\\d+ of it are missing`));
  });

  it("damaged in place: refused (503) from the next periodic check, within 10 s", async () => {
    for (let i = 0; i < 20; i++) expect((await read(federation!.url)).status).toBe(200);
    // Every record into the main file, then its pages overwritten past the header.
    const raw = new Database(audit);
    raw.pragma("wal_checkpoint(PASSIVE)");
    raw.close();
    const size = statSync(audit).size;
    const fd = openSync(audit, "r+");
    for (let at = 4096; at < size; at += 4096) writeSync(fd, Buffer.alloc(1024, 0x5a), 0, 1024, at + 64);
    closeSync(fd);
    const damagedAt = Date.now();
    let status = 200;
    while (status === 200 && Date.now() - damagedAt < 15_000) {
      await new Promise((r) => setTimeout(r, 250));
      status = (await read(federation!.url)).status;
    }
    expect(status).toBe(503);
    expect(Date.now() - damagedAt).toBeLessThan(10_000 + 1_000);
    expect((await health(federation!.base)).status).toBe(503);
  });
});
