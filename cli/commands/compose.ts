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
  const supergraphSdl = await composeDemoSupergraph(baseConfig(process.env, { port: values.port }));
  process.stdout.write(supergraphSdl.endsWith("\n") ? supergraphSdl : `${supergraphSdl}\n`);
}

/**
 * The demo federation's supergraph, composed from every unit's schema built in this process;
 * each unit's URL is the one `npm start` gives it (the gateway's port + 1 + its index).
 */
export async function composeDemoSupergraph(gateway: { readonly host: string; readonly port: number }): Promise<string> {
  const composed = composeSupergraph(await demoSubgraphs(gateway));
  if (!composed.ok) throw new CliError(`composition failed:\n${composed.errors.map((e) => `  ${e}`).join("\n")}`);
  return composed.supergraphSdl;
}

/** Every demo unit's subgraph, built in this process, at the URL `npm start` gives it. */
export async function demoSubgraphs(gateway: { readonly host: string; readonly port: number }): Promise<{ name: string; url: string; sdl: string }[]> {
  return Promise.all(
    (await loadUnits()).map(async (unit, i) => ({
      name: unit.code,
      url: `http://${gateway.host}:${gateway.port + 1 + i}/graphql`,
      sdl: (await buildUnitSubgraph(unit)).sdl,
    })),
  );
}
