#!/usr/bin/env node
import { CliError } from "./cli-error.js";

// Each command loads only what it needs: a unit's process must not load the gateway.
const COMMANDS: Record<string, () => Promise<(args: string[]) => Promise<void>>> = {
  start: async () => (await import("./commands/start.js")).startCommand,
  gateway: async () => (await import("./commands/gateway.js")).gatewayCommand,
  compose: async () => (await import("./commands/compose.js")).composeCommand,
  catalog: async () => (await import("./commands/catalog.js")).catalogCommand,
  subgraph: async () => (await import("./commands/subgraph.js")).subgraphCommand,
  token: async () => (await import("./commands/token.js")).tokenCommand,
  key: async () => (await import("./commands/key.js")).keyCommand,
  lint: async () => (await import("./commands/lint.js")).lintCommand,
  audit: async () => (await import("./commands/audit.js")).auditCommand,
  ca: async () => (await import("./commands/ca.js")).caCommand,
  cert: async () => (await import("./commands/ca.js")).certCommand,
};

/** Each verb's usage: `ecofed help` prints them all, `ecofed <verb> --help` its own (and runs nothing). */
const USAGES: Record<string, readonly string[]> = {
  start: ["start                      every unit subgraph and the gateway (what npm start runs) [--port N] [--tls] [--limit NAME=N]..."],
  gateway: ["gateway --supergraph FILE  the gateway alone over a Federation 2 supergraph [--port N] [--default-class CLASS] [--limit NAME=N]..."],
  compose: ["compose                    print the demo federation's supergraph SDL [--port N]"],
  catalog: ["catalog                    print the resource catalog (Art. 10) [--format json|csv] [--supergraph FILE]"],
  subgraph: ["subgraph UNIT              one unit's subgraph alone [--port N]"],
  lint: ["lint                       check every unit's @share classification (exit 1 with one line per problem)"],
  audit: [
    "audit export --from T --to T   the access log between two times, as NDJSON",
    "audit archive --before T       move older records to a sealed archive file, then out of the log",
  ],
  ca: ["ca init                    create the platform CA in the data dir"],
  cert: [
    "cert issue --unit CODE --principal NAME [--role ROLE]... [--days N] [--out DIR]",
    "cert revoke SERIAL         the gateway refuses that certificate from its next request",
  ],
  token: ["token --unit CODE          print a token for a unit [--principal NAME] [--role ROLE]... [--ttl SECONDS]"],
  key: ["key list | rotate | retire KID   the platform signing keys: rotate signs with a new one; old ones verify until retired"],
};

const USAGE = `usage: ecofed <command>\n${Object.values(USAGES)
  .flat()
  .map((line) => `  ${line}`)
  .join("\n")}`;

/** Failures the user can act on: one line, no stack (the error classes name themselves). */
const EXPECTED = new Set(["CliError", "ConfigError", "LimitConfigError", "StoreOpenError"]);

async function main(argv: string[]): Promise<void> {
  const [name, ...args] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    console.log(USAGE);
    return;
  }
  const load = COMMANDS[name];
  if (!load) throw new CliError(`unknown command "${name}"; try: ecofed help`, 2);
  // Before the verb runs: `ca init --help` must not create the CA, nor `key retire --help` look for a key.
  if (args.includes("--help") || args.includes("-h")) {
    console.log(`usage: ecofed ${(USAGES[name] ?? []).join("\n       ecofed ")}`);
    return;
  }
  await (await load())(args);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const e = error as Error & { code?: string; exitCode?: number };
  // parseArgs reports unknown or malformed flags with ERR_PARSE_ARGS_* codes: usage errors.
  const usage = String(e.code ?? "").startsWith("ERR_PARSE_ARGS");
  if (EXPECTED.has(e.name) || usage) {
    console.error(`ecofed: ${e.message}`);
    process.exit(e.exitCode ?? (usage ? 2 : 1));
  }
  console.error("ecofed: unexpected failure:", error);
  process.exit(1);
});
