#!/usr/bin/env node
import "reflect-metadata";
import { ConfigError } from "../gateway/config.js";
import { StoreOpenError } from "../subgraphs/_kit/store.js";
import { CliError } from "./cli-error.js";
import { composeCommand } from "./commands/compose.js";
import { gatewayCommand } from "./commands/gateway.js";
import { startCommand } from "./commands/start.js";
import { subgraphCommand } from "./commands/subgraph.js";

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  start: startCommand,
  gateway: gatewayCommand,
  compose: composeCommand,
  subgraph: subgraphCommand,
};

const USAGE = `usage: ecofed <command>
  start                      every unit subgraph and the gateway (what npm start runs)
  gateway --supergraph FILE  the gateway alone over a Federation 2 supergraph [--port N] [--default-class CLASS]
  compose                    print the demo federation's supergraph SDL
  subgraph UNIT              one unit's subgraph alone [--port N]`;

async function main(argv: string[]): Promise<void> {
  const [name, ...args] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    console.log(USAGE);
    return;
  }
  const command = COMMANDS[name];
  if (!command) throw new CliError(`unknown command "${name}"; try: ecofed help`, 2);
  await command(args);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const known = error instanceof CliError || error instanceof ConfigError || error instanceof StoreOpenError;
  // parseArgs reports unknown or malformed flags with ERR_PARSE_ARGS_* codes: usage errors.
  const usage = String((error as { code?: string }).code ?? "").startsWith("ERR_PARSE_ARGS");
  if (known || usage) {
    console.error(`ecofed: ${(error as Error).message}`);
    process.exit(error instanceof CliError ? error.exitCode : usage ? 2 : 1);
  }
  console.error("ecofed: unexpected failure:", error);
  process.exit(1);
});
