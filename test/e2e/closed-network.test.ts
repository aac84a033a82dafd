import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli-process.js";
import { startFederation, type RunningFederation } from "../helpers/federation.js";
import { postGraphQL } from "../helpers/graphql-client.js";
import { tempDir } from "../helpers/temp-dir.js";

/*
 * Issue 13 §1: nothing ecofed runs reaches beyond loopback. Every process runs under
 * tools/closed-network.mjs, which refuses and records each TCP connect and DNS lookup off
 * the machine; APOLLO_TELEMETRY_DISABLED is removed from their environment, so only the
 * code can keep @apollo/gateway from phoning home.
 */

const PRELOAD = fileURLToPath(new URL("../../tools/closed-network.mjs", import.meta.url));

interface Attempt {
  readonly pid: number;
  readonly kind: string;
  readonly target: string;
}

function attempts(log: string): Attempt[] {
  if (!existsSync(log)) return [];
  return readFileSync(log, "utf8")
    .split("\n")
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as Attempt);
}

/** The environment of a watched child: under the preload, with Apollo's own switch removed. */
function watched(log: string): Record<string, string | undefined> {
  return {
    NODE_OPTIONS: `${process.env["NODE_OPTIONS"] ?? ""} --import ${PRELOAD}`.trim(),
    ECOFED_NETWORK_LOG: log,
    APOLLO_TELEMETRY_DISABLED: undefined,
    // Were they set, Apollo Server would report usage to Apollo's cloud by itself.
    APOLLO_KEY: "service:ecofed-test:not-a-real-key",
    APOLLO_GRAPH_REF: "ecofed-test@current",
  };
}

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

const dir = tempDir("closed-network");
afterAll(() => dir.remove());

describe("the preload (the instrument itself)", () => {
  it("records and refuses what a plain @apollo/gateway attempts: the cloud metadata probes", async () => {
    const log = join(dir.path, "control.ndjson");
    // A vanilla gateway, not ecofed's: proves the preload sees what ecofed must never do.
    const script = `
      import { ApolloGateway } from "@apollo/gateway";
      new ApolloGateway({ supergraphSdl: "unused until load" });
      setTimeout(() => process.exit(0), 8000);
    `;
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: `--import ${PRELOAD}`, ECOFED_NETWORK_LOG: log };
    delete env["APOLLO_TELEMETRY_DISABLED"];
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], { env, cwd: process.cwd(), stdio: "ignore" });
    const seen = await waitUntil(() => attempts(log).some((a) => a.target === "169.254.169.254"), 8_000);
    child.kill("SIGKILL");
    expect(seen).toBe(true);
    const targets = new Set(attempts(log).filter((a) => a.kind !== "loaded").map((a) => a.target));
    expect([...targets]).toEqual(expect.arrayContaining(["169.254.169.254"]));
  });

  it("lets loopback through", async () => {
    const log = join(dir.path, "loopback.ndjson");
    const script = `
      const net = require("node:net");
      const server = net.createServer((s) => s.end("ok")).listen(0, "127.0.0.1", () => {
        const { port } = server.address();
        net.connect(port, "localhost").on("data", () => { console.log("ok"); process.exit(0); }).on("error", () => process.exit(3));
      });
    `;
    const run = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, ["-e", script], { env: { ...process.env, NODE_OPTIONS: `--import ${PRELOAD}`, ECOFED_NETWORK_LOG: log }, stdio: "ignore" });
      child.on("exit", resolve);
    });
    expect(run).toBe(0);
    expect(attempts(log).map((a) => a.kind)).toEqual(["loaded"]);
  });
});

describe("ecofed on a closed network", () => {
  const log = join(dir.path, "federation.ndjson");
  let fed: RunningFederation;

  beforeAll(async () => {
    fed = await startFederation(join(dir.path, "data"), watched(log));
  });
  afterAll(async () => {
    await fed?.process.stop();
  });

  it("starts, serves every kind of request and attempts nothing beyond loopback", async () => {
    const env = { ECOFED_DATA_DIR: join(dir.path, "data"), ...watched(log) };
    const token = (await runCli(["token", "--unit", "water", "--role", "security"], env)).stdout.trim();
    const headers = { authorization: `Bearer ${token}`, "x-share-purpose": "WORK_REFERENCE" };
    const cross = await postGraphQL(
      fed.url,
      "{ enterprises(first: 2) { nodes { creditCode name legalRepresentative permit { permitNumber } penalties { decidedOn } inspections { date } emissions { tonnes } } } }",
      {},
      headers,
    );
    expect(cross.status).toBe(200);
    expect((cross.body.data?.["enterprises"] as { nodes: unknown[] }).nodes).toHaveLength(2);
    const governed = await postGraphQL(fed.url, "{ applications { id } accessLog(first: 1) { totalCount } auditIntegrity { ok } }", {}, headers);
    expect(governed.status).toBe(200);
    // What a browser asks for: Apollo's default landing page would load Sandbox from its CDN.
    const page = await fetch(fed.url, { headers: { accept: "text/html" } });
    expect(await page.text()).not.toMatch(/apollographql\.com|cdn\./i);
    for (const args of [["compose"], ["catalog", "--format", "json"], ["lint"]]) {
      expect((await runCli(args, env)).code).toBe(0);
    }
    // The metadata probes fire within moments of a gateway's construction (seen: < 1 s).
    await new Promise((r) => setTimeout(r, 3_000));

    const seen = attempts(log);
    const watchedPids = new Set(seen.filter((a) => a.kind === "loaded").map((a) => a.pid));
    // Every unit process, the supervisor with its gateway, and the CLI runs ran watched.
    for (const { pid } of fed.units.values()) expect(watchedPids).toContain(pid);
    expect(watchedPids).toContain(fed.process.child.pid);
    expect(seen.filter((a) => a.kind !== "loaded")).toEqual([]);
  });
});
