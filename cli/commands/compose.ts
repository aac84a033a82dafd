import { parseArgs } from "node:util";
import { baseConfig } from "../../gateway/config.js";
import { composeSupergraph } from "../../schema/compose.js";
import { buildUnitSubgraph } from "../../subgraphs/_kit/build-subgraph.js";
import { loadUnits } from "../../subgraphs/registry.js";
import { CliError } from "../cli-error.js";

/**
 * `ecofed compose`: the demo federation's supergraph SDL, with subgraph URLs as
 * `npm start` serves them. Builds the schemas in-process: binds no port, opens no store.
 */
export async function composeCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { port: { type: "string" } } });
  const config = baseConfig(process.env, { port: values.port });
  const sources = await Promise.all(
    (await loadUnits()).map(async (unit, i) => ({
      name: unit.code,
      url: `http://${config.host}:${config.port + 1 + i}/graphql`,
      sdl: (await buildUnitSubgraph(unit)).sdl,
    })),
  );
  const composed = composeSupergraph(sources);
  if (!composed.ok) throw new CliError(`composition failed:\n${composed.errors.map((e) => `  ${e}`).join("\n")}`);
  process.stdout.write(composed.supergraphSdl.endsWith("\n") ? composed.supergraphSdl : `${composed.supergraphSdl}\n`);
}
