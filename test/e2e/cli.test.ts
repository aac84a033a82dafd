import { readdirSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadOrCreatePlatformKey } from "../../gateway/identity/platform-key.js";
import { PlatformPublicKeys } from "../../subgraphs/_kit/platform-public-keys.js";
import { composeSupergraph } from "../../schema/compose.js";
import { buildUnitSubgraph } from "../../subgraphs/_kit/build-subgraph.js";
import { infoCenter } from "../../subgraphs/info-center/index.js";
import { UNIT_CODES } from "../../subgraphs/registry.js";
import { runCli, spawnCli } from "../helpers/cli-process.js";
import { postGraphQL } from "../helpers/graphql-client.js";
import { servePlainSubgraph } from "../helpers/plain-subgraph.js";
import { tempDir } from "../helpers/temp-dir.js";
import { asRequester, tokenFor } from "../helpers/tokens.js";
import { startUnit, type UnitUnderTest } from "../helpers/unit-server.js";

const dir = tempDir("cli");
afterAll(() => dir.remove());

describe("ecofed compose", () => {
  it("prints the supergraph of every unit, with npm start's URLs, and keeps @share", async () => {
    const run = await runCli(["compose"], { ECOFED_PORT: "4000" });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    UNIT_CODES.forEach((unit, i) => {
      expect(run.stdout).toContain(`url: "http://127.0.0.1:${4001 + i}/graphql"`);
      expect(run.stdout).toContain(`name: "${unit}"`);
    });
    // Composed directive: dropped silently without @composeDirective (FEDERATION-NOTES).
    expect(run.stdout).toMatch(/legalRepresentative: String .*@share\(class: CONDITIONAL/);
  });
});

describe("ecofed lint", () => {
  it("passes the demo with no problem and warns of each Art. 16 flag by its coordinate, exit 0 — the flags the catalog lists", async () => {
    const run = await runCli(["lint"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const warnings = run.stdout.split("\n").filter((line) => line.startsWith("warning: "));
    const catalog = JSON.parse((await runCli(["catalog"])).stdout) as { problems: unknown[]; flags: { subject: string }[] };
    expect(catalog.problems).toEqual([]);
    expect(warnings).toHaveLength(catalog.flags.length);
    for (const flag of catalog.flags) expect(warnings.some((w) => w.includes(`: ${flag.subject}: `))).toBe(true);
    expect(warnings).toContainEqual(expect.stringMatching(/^warning: enforcement: Enterprise\.inspections: is 环境监察执法 business data .*\(BUSINESS_DATA_NOT_UNCONDITIONAL\)$/));
    expect(run.stdout).toMatch(new RegExp(`no problems; ${catalog.flags.length} flags for the leading group to review \\(Art\\. 16\\)`));
  });
});

describe("ecofed gateway --supergraph", () => {
  let unit: UnitUnderTest;
  let supergraphFile: string;
  beforeAll(async () => {
    // The unit trusts the key the standalone gateway will sign with (the same data dir).
    await loadOrCreatePlatformKey(dir.path);
    unit = await startUnit(infoCenter, new PlatformPublicKeys(dir.path));
    const composed = composeSupergraph([{ name: "info-center", url: unit.running.url, sdl: (await buildUnitSubgraph(infoCenter)).sdl }]);
    if (!composed.ok) throw new Error(composed.errors.join("\n"));
    supergraphFile = join(dir.path, "supergraph.graphql");
    writeFileSync(supergraphFile, composed.supergraphSdl);
  });
  afterAll(() => unit?.stop());

  it("serves any supergraph file standalone and exits cleanly on SIGTERM", async () => {
    const gateway = spawnCli(["gateway", "--supergraph", supergraphFile, "--port", "0"], { ECOFED_DATA_DIR: dir.path });
    try {
      const [, url] = await gateway.waitFor(/gateway ready at (\S+)/);
      expect((await fetch(url!.replace("/graphql", "/health"))).status).toBe(200);
      const res = await postGraphQL(url!, `{ divisions { code } }`, {}, asRequester(await tokenFor(dir.path, "water"), "WORK_REFERENCE"));
      expect((res.body.data!["divisions"] as unknown[]).length).toBe(31);
    } finally {
      // Stopped even when an assertion fails: a test never leaves a process behind.
      expect(await gateway.stop()).toBe(0);
    }
  });

  it.each([
    [["gateway"], 2, "ecofed: --supergraph <file> is required"],
    [["gateway", "--supergraph", "/nonexistent/s.graphql"], 1, "ecofed: cannot read supergraph /nonexistent/s.graphql: ENOENT"],
    [["gateway", "--supergraph", "x", "--default-class", "OPEN"], 1, 'ecofed: --default-class must be one of UNCONDITIONAL, CONDITIONAL, NOT_SHARED, got "OPEN"'],
    [["gateway", "--supergraph", "x", "--port", "99999"], 1, 'ecofed: --port must be a port number from 0 to 65535, got "99999"'],
    [["start", "--limit", "depth=deep"], 1, 'ecofed: --limit depth must be a positive integer, got "deep"'],
    [["frobnicate"], 2, 'ecofed: unknown command "frobnicate"; try: ecofed help'],
    [["compose", "--bogus"], 2, null],
  ])("ecofed %j → exit %i with one line", async (args, code, line) => {
    const run = await runCli(args as string[]);
    expect(run.code).toBe(code);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    if (line) expect(run.stderr.trim()).toBe(line);
  });

  it("refuses a supergraph that is not one, in one line", async () => {
    const bad = join(dir.path, "bad.graphql");
    writeFileSync(bad, "type Query { hello: String }");
    const run = await runCli(["gateway", "--supergraph", bad, "--port", "0"]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/^ecofed: cannot serve supergraph/);
  });
});

describe("ecofed gateway without the state it decides with (issue 14 item 6)", () => {
  it("refuses to start over the governance unit's supergraph with neither REDIS_URL nor the governance store", async () => {
    const empty = tempDir("cli-no-governance");
    try {
      const composed = await runCli(["compose"], { ECOFED_PORT: "4000" });
      const file = join(empty.path, "supergraph.graphql");
      writeFileSync(file, composed.stdout);
      const run = await runCli(["gateway", "--supergraph", file, "--port", "0"], { ECOFED_DATA_DIR: join(empty.path, "replica"), REDIS_URL: undefined });
      expect(run.code).toBe(1);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stderr).toMatch(/^ecofed: no governance state to decide with: the governance store \S+governance\.sqlite is missing \(set REDIS_URL/);
      expect(run.stdout).not.toContain("gateway ready");
    } finally {
      empty.remove();
    }
  });
});

describe("ecofed gateway over a supergraph that is not ours", () => {
  const SDL = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
    type Query { station(id: ID!): Station }
    type Station @key(fields: "id") { id: ID! reading: Float }`;

  it.each([
    ["no --default-class: fields without @share are denied as UNCLASSIFIED", [], false],
    ["--default-class UNCONDITIONAL: they are shared", ["--default-class", "UNCONDITIONAL"], true],
  ])("%s", async (_name, flags, shared) => {
    const plain = await servePlainSubgraph(SDL, { Query: { station: (_: unknown, { id }: { id: string }) => ({ id, reading: 42.5 }) } });
    const composed = composeSupergraph([{ name: "foreign", url: plain.url, sdl: SDL }]);
    if (!composed.ok) throw new Error(composed.errors.join("\n"));
    const file = join(dir.path, "foreign.graphql");
    writeFileSync(file, composed.supergraphSdl);
    const gateway = spawnCli(["gateway", "--supergraph", file, "--port", "0", ...(flags as string[])], { ECOFED_DATA_DIR: dir.path });
    try {
      const [, url] = await gateway.waitFor(/gateway ready at (\S+)/);
      const res = await postGraphQL(url!, `{ station(id: "7") { id reading } }`, {}, asRequester(await tokenFor(dir.path, "water"), "WORK_REFERENCE"));
      if (shared) {
        expect(res.body).toEqual({ data: { station: { id: "7", reading: 42.5 } } });
      } else {
        expect(res.body.data).toEqual({ station: null });
        expect(res.body.errors?.map((e) => [e.extensions?.["code"], (e.extensions?.["share"] as { reason: string }).reason])).toEqual([["SHARE_DENIED", "UNCLASSIFIED"]]);
        expect(gateway.output()).toContain("fields carry no @share and are denied as UNCLASSIFIED");
      }
    } finally {
      await gateway.stop();
      await plain.stop();
    }
  });
});

describe("ecofed start over a corrupt data file", () => {
  it("refuses to start, naming the unit and the file in one line", async () => {
    const data = join(dir.path, "corrupt");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(data, { recursive: true });
    writeFileSync(join(data, "info-center.sqlite"), "garbage ".repeat(1000));
    const run = await runCli(["start"], { ECOFED_DATA_DIR: data, ECOFED_PORT: "0" });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `ecofed: unit info-center failed to start: data file ${join(data, "info-center.sqlite")} is corrupt (file is not a database)\n`,
    );
  });
});

describe("ecofed <verb> --help (issue 15)", () => {
  it("answers every verb's --help and -h with its usage, exit 0, and runs nothing", async () => {
    const help = await runCli(["help"]);
    const verbs = [...new Set([...help.stdout.matchAll(/^ {2}([a-z]+)/gm)].map((m) => m[1]!))];
    expect(verbs).toEqual(["start", "gateway", "compose", "catalog", "subgraph", "lint", "audit", "ca", "cert", "token", "key"]);
    const empty = tempDir("cli-help");
    try {
      const runs = await Promise.all(
        [...verbs.map((v) => [v, "--help"]), ["ca", "init", "--help"], ["key", "retire", "-h"], ["cert", "issue", "--help"], ["audit", "archive", "-h"]].map(async (args) => [
          args,
          await runCli(args, { ECOFED_DATA_DIR: empty.path }),
        ] as const),
      );
      for (const [args, run] of runs) {
        expect([args, run.code, run.stderr]).toEqual([args, 0, ""]);
        expect(run.stdout).toMatch(new RegExp(`^usage: ecofed ${args[0]}`));
      }
      // `ca init --help` used to create the CA; nothing at all is written.
      expect(readdirSync(empty.path)).toEqual([]);
    } finally {
      empty.remove();
    }
  });
});

describe("ecofed cert revoke (issue 15)", () => {
  it("refuses a serial this CA never issued, and revokes one it did", async () => {
    const ca = tempDir("cli-ca");
    try {
      const env = { ECOFED_DATA_DIR: ca.path };
      expect((await runCli(["ca", "init"], env)).code).toBe(0);
      const typo = await runCli(["cert", "revoke", "abcdef1234"], env);
      expect([typo.code, typo.stderr.trim()]).toEqual([1, "ecofed: this CA issued no certificate with serial abcdef1234; nothing revoked"]);
      const issued = await runCli(["cert", "issue", "--unit", "water", "--principal", "alice"], env);
      const serial = /issued serial ([0-9a-f]+)/.exec(issued.stdout)![1]!;
      const revoked = await runCli(["cert", "revoke", serial.toUpperCase()], env);
      expect([revoked.code, revoked.stdout.trim()]).toEqual([0, `ecofed: serial ${serial} revoked; the gateway refuses it from its next request`]);
    } finally {
      ca.remove();
    }
  });
});

describe("ecofed start over ports in use (issue 15)", () => {
  it("says in one line that something already listens there, before starting any unit", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as AddressInfo).port;
    const data = tempDir("cli-ports");
    try {
      const run = await runCli(["start", "--port", String(port)], { ECOFED_DATA_DIR: data.path });
      expect(run.code).toBe(1);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stderr).toMatch(new RegExp(`^ecofed: ports? (\\d+, )*${port}(, \\d+)* on 127\\.0\\.0\\.1 already in use: is a federation already running`));
      expect(run.stdout).not.toContain("starting");
    } finally {
      blocker.close();
      data.remove();
    }
  });
});
