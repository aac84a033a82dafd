import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { baseConfig, ConfigError, parseDefaultClass } from "../../gateway/config.js";
import { serveGateway } from "../../gateway/serve-gateway.js";
import { parseLimits } from "../../gateway/limits/limits-config.js";
import { oneLine } from "../../schema/compose.js";
import { StoreOpenError } from "../../storage/sqlite-store.js";
import { CliError } from "../cli-error.js";
import { onShutdown } from "../shutdown.js";

/** `ecofed gateway --supergraph FILE`: the gateway alone over any Federation 2 supergraph. */
export async function gatewayCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { supergraph: { type: "string" }, port: { type: "string" }, "default-class": { type: "string" }, limit: { type: "string", multiple: true } },
  });
  if (!values.supergraph) throw new CliError("--supergraph <file> is required", 2);
  const config = {
    ...baseConfig(process.env, { port: values.port }),
    defaultClass: parseDefaultClass(values["default-class"]),
    limits: parseLimits(process.env, values.limit ?? []),
  };
  let supergraphSdl: string;
  try {
    supergraphSdl = readFileSync(values.supergraph, "utf8");
  } catch (error) {
    throw new CliError(`cannot read supergraph ${values.supergraph}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const gateway = await serveGateway(config, supergraphSdl).catch((error: unknown) => {
    // A configuration problem is said as it is; anything else is about the supergraph.
    if (error instanceof ConfigError || error instanceof StoreOpenError) throw error;
    throw new CliError(`cannot serve supergraph ${values.supergraph}: ${oneLine((error as Error).message)}`);
  });
  onShutdown(() => gateway.close());
  const policies = gateway.enforcement.policies;
  for (const problem of policies?.problems ?? []) console.error(`ecofed: warning: ${problem}`);
  const unclassified = [...(policies?.fields.values() ?? [])].filter((f) => !f.rule).length;
  if (unclassified > 0) {
    console.error(`ecofed: warning: ${unclassified} fields carry no @share and are denied as UNCLASSIFIED to other units (--default-class sets a class for them)`);
  }
  console.log(`ecofed: gateway ready at ${gateway.url}`);
}
