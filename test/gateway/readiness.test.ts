import { copyFileSync, rmSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { AUDIT_STORE_FILE } from "../../audit/migrations.js";
import { NO_GRANTS, type GrantSource } from "../../gateway/enforcement/grant-source.js";
import { GatewayReadiness } from "../../gateway/health/readiness.js";
import { unitProbe, PROBE_REQUEST } from "../../gateway/health/unit-probe.js";
import { platformAssertion } from "../../gateway/identity/assertion.js";
import { loadOrCreatePlatformKey, type PlatformKey } from "../../gateway/identity/platform-key.js";
import { serveGateway, type RunningGateway } from "../../gateway/serve-gateway.js";
import { composeSupergraph } from "../../schema/compose.js";
import { infoCenter } from "../../subgraphs/info-center/index.js";
import { soil } from "../../subgraphs/soil/index.js";
import { buildUnitSubgraph } from "../../subgraphs/_kit/build-subgraph.js";
import { unitNoncesFile } from "../../subgraphs/_kit/open-nonce-store.js";
import { PlatformPublicKeys } from "../../subgraphs/_kit/platform-public-keys.js";
import { serveUnit, type RunningUnit } from "../../subgraphs/_kit/serve-unit.js";
import type { AnyUnit } from "../../subgraphs/_kit/unit.js";
import { postGraphQL } from "../helpers/graphql-client.js";
import { tempDir } from "../helpers/temp-dir.js";
import { asRequester, tokenFor } from "../helpers/tokens.js";

/*
 * Issue 14 item 5, honest health: the gateway's /health/ready (and /health) says 503, naming
 * the unit by its code, within about a second of a unit no longer answering its probe, and
 * 200 again once it answers — the gateway never restarted. Real units (their assertion
 * checks, nonce stores and all) and a real gateway over HTTP on 127.0.0.1, port 0.
 */

const OK = { ok: true };
/** Generous: a probe runs every second, and a refused connection fails it at once. */
const WITHIN = { timeout: 5_000, interval: 100 };

const dir = tempDir("readiness");
const others: { remove(): void }[] = [];
const units = new Map<string, RunningUnit>();
const gateways: RunningGateway[] = [];
let gateway: RunningGateway;
let supergraphSdl: string;
let key: PlatformKey;

/** A unit as `ecofed subgraph` runs it: the shared data dir, verifying with the platform's public keys. */
const serve = (unit: AnyUnit, port = 0): Promise<RunningUnit> =>
  serveUnit(unit, { dataDir: dir.path, host: "127.0.0.1", port, platformKeys: new PlatformPublicKeys(dir.path) });

beforeAll(async () => {
  key = await loadOrCreatePlatformKey(dir.path);
  for (const unit of [infoCenter, soil]) units.set(unit.code, await serve(unit));
  const composed = composeSupergraph(
    await Promise.all([infoCenter, soil].map(async (u) => ({ name: u.code, url: units.get(u.code)!.url, sdl: (await buildUnitSubgraph(u)).sdl }))),
  );
  if (!composed.ok) throw new Error(composed.errors.join("\n"));
  supergraphSdl = composed.supergraphSdl;
  gateway = await serveGateway({ host: "127.0.0.1", port: 0, dataDir: dir.path, defaultClass: null }, supergraphSdl);
  gateways.push(gateway);
});
afterEach(() => vi.restoreAllMocks());
afterAll(async () => {
  // Even a gateway whose audit log was deleted under it closes cleanly.
  for (const g of gateways) await g.close();
  for (const u of units.values()) await u.close();
  for (const d of [dir, ...others]) d.remove();
});

async function health(g: RunningGateway, path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(g.url.replace(/\/graphql$/, path));
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
const status = async (g: RunningGateway, path = "/health/ready"): Promise<number> => (await health(g, path)).status;

function rows(file: string, table: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

function logged(spy: { mock: { calls: unknown[][] } }, pattern: RegExp): number {
  return spy.mock.calls.filter(([line]) => pattern.test(String(line))).length;
}

describe("the gateway's readiness", () => {
  it("is ready while every unit answers: /health/ready names what it checked, /health keeps its body", async () => {
    expect(await health(gateway, "/health/ready")).toEqual({
      status: 200,
      body: { ready: true, status: "ok", units: [], checks: { supergraph: OK, audit: OK, governance: OK }, probes: { "info-center": OK, soil: OK } },
    });
    expect(await health(gateway, "/health")).toEqual({ status: 200, body: { status: "ok" } });
    expect(await health(gateway, "/health/live")).toEqual({ status: 200, body: { live: true } });
  });

  it("a unit stopped: 503 naming it within about a second, live stays 200; back on its port: 200 again, the gateway never restarted", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const infos = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const port = Number(new URL(units.get("soil")!.url).port);
    await units.get("soil")!.close();
    units.delete("soil");

    // About a second (a probe each second, a refused connection fails it at once), with room for a loaded machine.
    await expect.poll(() => status(gateway), { timeout: 3_000, interval: 50 }).toBe(503);
    const ready = await health(gateway, "/health/ready");
    expect(ready.body).toMatchObject({
      ready: false,
      status: "unavailable",
      units: ["soil"],
      checks: { supergraph: OK, audit: OK, governance: OK },
      probes: { "info-center": OK, soil: { ok: false, code: "UNIT_UNREACHABLE", reason: "connection refused" } },
    });
    expect(ready.body["reason"]).toMatch(/unit soil is not answering/);
    // /health means ready (CONTRACT §1): the same 503 and body; the process itself is live.
    expect(await health(gateway, "/health")).toEqual(ready);
    expect(await health(gateway, "/health/live")).toEqual({ status: 200, body: { live: true } });

    // Probed again and again while it is down (three intervals), still not ready, said once in the log.
    for (let i = 0; i < 10; i++) {
      expect(await status(gateway)).toBe(503);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    expect(logged(errors, /unit soil is not answering/)).toBe(1);

    units.set("soil", await serve(soil, port));
    await expect.poll(() => status(gateway), WITHIN).toBe(200);
    expect(await health(gateway, "/health")).toEqual({ status: 200, body: { status: "ok" } });
    expect(logged(infos, /unit soil is answering again/)).toBe(1);
    // The same gateway fetches from it again.
    const res = await postGraphQL(gateway.url, `{ contaminatedSites { name } }`, {}, asRequester(await tokenFor(dir.path, "soil")));
    expect(res.status).toBe(200);
    expect((res.body.data?.["contaminatedSites"] as unknown[]).length).toBeGreaterThan(0);
  });

  it("probes carry an assertion each unit verifies in full and accepts, and write no audit record", async () => {
    const nonces = unitNoncesFile(dir.path, "soil");
    const audit = join(dir.path, AUDIT_STORE_FILE);
    const recordsBefore = rows(audit, "access_records");
    const noncesBefore = rows(nonces, "seen_nonce");
    // A unit remembers a nonce only once signature, audience, type, lifetime and request digest hold.
    await expect.poll(() => rows(nonces, "seen_nonce"), WITHIN).toBeGreaterThanOrEqual(noncesBefore + 3);
    expect(await status(gateway)).toBe(200);
    expect(rows(audit, "access_records")).toBe(recordsBefore);
    // Control: a user's request is recorded, so the count above could have moved.
    await postGraphQL(gateway.url, `{ contaminatedSites { name } }`, {}, asRequester(await tokenFor(dir.path, "soil")));
    expect(rows(audit, "access_records")).toBeGreaterThan(recordsBefore);
  });

  it("a probe is accepted only with an assertion for exactly it: another request, another unit or another key is refused", async () => {
    const target = { name: "soil", url: units.get("soil")!.url };
    const signal = new AbortController().signal;
    const foreignDir = tempDir("readiness-foreign");
    others.push(foreignDir);
    const foreign = await loadOrCreatePlatformKey(foreignDir.path);
    expect(await unitProbe(target, (fetch) => platformAssertion(key, "test", fetch))(signal)).toEqual(OK);
    const refused = { ok: false, code: "UNIT_REFUSED", reason: "HTTP 401 UNAUTHENTICATED" };
    const otherRequest = unitProbe(target, (fetch) => platformAssertion(key, "test", { ...fetch, request: { query: "{ __typename __typename }" } }));
    expect(await otherRequest(signal)).toEqual(refused);
    const otherUnit = unitProbe(target, (fetch) => platformAssertion(key, "test", { ...fetch, unit: "info-center" }));
    expect(await otherUnit(signal)).toEqual(refused);
    expect(await unitProbe(target, (fetch) => platformAssertion(foreign, "test", fetch))(signal)).toEqual(refused);
    expect(await unitProbe(target, async () => "not a jwt")(signal)).toEqual(refused);
    expect(PROBE_REQUEST).toEqual({ query: "{ __typename }" });
  });

  it("governance state unreadable, then the audit log deleted: 503 naming each by code", async () => {
    // Its own data dir (its own audit log) with the same platform key, so the units trust it.
    const own = tempDir("readiness-gw");
    others.push(own);
    copyFileSync(join(dir.path, "platform-key.json"), join(own.path, "platform-key.json"));
    let unreadable = false;
    const grants: GrantSource = {
      ...NO_GRANTS,
      refresh: () => {
        if (unreadable) throw new Error("the governance store is locked");
      },
    };
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    const second = await serveGateway({ host: "127.0.0.1", port: 0, dataDir: own.path, defaultClass: null }, supergraphSdl, { grants });
    gateways.push(second);
    expect(await status(second)).toBe(200);

    unreadable = true;
    await expect.poll(() => status(second), WITHIN).toBe(503);
    expect((await health(second, "/health/ready")).body).toMatchObject({
      units: [],
      checks: { supergraph: OK, audit: OK, governance: { ok: false, code: "GOVERNANCE_UNAVAILABLE", reason: "the governance store is locked" } },
    });
    unreadable = false;
    await expect.poll(() => status(second), WITHIN).toBe(200);

    for (const suffix of ["", "-wal", "-shm"]) rmSync(join(own.path, `${AUDIT_STORE_FILE}${suffix}`), { force: true });
    const ready = await health(second, "/health/ready");
    expect(ready).toMatchObject({ status: 503, body: { ready: false, status: "unavailable", units: [], checks: { audit: { ok: false, code: "AUDIT_UNAVAILABLE" } } } });
    expect((ready.body["checks"] as { audit: { reason: string } }).audit.reason).toMatch(/deleted under the running gateway/);
    expect(await status(second, "/health/live")).toBe(200);
  });
});

describe("the probes themselves", () => {
  let stuck: Server | undefined;
  const sockets = new Set<Socket>();
  let connections = 0;
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => (stuck ? stuck.close(() => resolve()) : resolve()));
  });

  it("time out, never pile up (one in flight per unit), and stop with the gateway", async () => {
    // Accepts and never answers: a unit wedged in a runaway query.
    stuck = createServer((socket) => {
      connections++;
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => undefined);
      // Reads the request (so it sees the prober hang up) and never answers.
      socket.resume();
    });
    const server = stuck;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    // Probed every 50 ms, each probe given 1.5 s: thirty would pile up on the wedged unit.
    const readiness = new GatewayReadiness({
      units: [{ name: "stuck", url }],
      sign: async () => "assertion",
      grants: NO_GRANTS,
      audit: () => ({ ok: true }),
      loaded: () => true,
      intervalMs: 50,
      timeoutMs: 1_500,
    });
    try {
      const first = readiness.start();
      await expect.poll(() => connections, WITHIN).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(connections).toBe(1);
      await first;
      expect(readiness.health()).toMatchObject({ status: "unavailable", details: { units: ["stuck"], probes: { stuck: { ok: false, code: "UNIT_TIMEOUT" } } } });
      // Timed out, that probe was cut; the next one follows.
      await expect.poll(() => connections, WITHIN).toBe(2);
    } finally {
      readiness.stop();
    }
    await expect.poll(() => sockets.size, WITHIN).toBe(0);
    const after = connections;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(connections).toBe(after);
  });
});
