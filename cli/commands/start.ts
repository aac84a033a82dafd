import { parseArgs } from "node:util";
import { baseConfig } from "../../gateway/config.js";
import { fetchSubgraphSdl } from "../../gateway/fetch-subgraph-sdl.js";
import { loadOrCreatePlatformKey } from "../../gateway/identity/platform-key.js";
import { gatewayTls } from "../../gateway/identity/gateway-tls.js";
import { parseLimits } from "../../gateway/limits/limits-config.js";
import { serveGateway } from "../../gateway/serve-gateway.js";
import { checkFederation } from "../../governance/catalog/check-federation.js";
import { UNIT_CODES } from "../../subgraphs/registry.js";
import { CliError } from "../cli-error.js";
import { takenPorts } from "../free-ports.js";
import { onShutdown } from "../shutdown.js";
import { UnitSupervisor } from "../supervision/unit-supervisor.js";

/**
 * `ecofed start` (`npm start`): every unit's subgraph in its own process, then the gateway
 * over what they serve, in the foreground; SIGTERM or Ctrl-C stops all of it.
 */
export async function startCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { port: { type: "string" }, tls: { type: "boolean" }, limit: { type: "string", multiple: true } } });
  // Every process `npm start` runs is a production one (issue 14): outside it, Apollo's gateway
  // shows its query plan to anyone who sends Apollo-Query-Plan-Experimental. Set before the
  // gateway is built (Apollo reads it then); the unit supervisor sets it for the units too.
  process.env["NODE_ENV"] = "production";
  const base = baseConfig(process.env, { port: values.port });
  const config = {
    ...base,
    defaultClass: null,
    // Said before any unit starts: a bad value stops the start in one line.
    limits: parseLimits(process.env, values.limit ?? []),
    ...(values.tls ? { tls: await gatewayTls(base.dataDir, base.host) } : {}),
  };
  // Port 0 (tests) gives every process an ephemeral port; otherwise units follow the gateway's.
  const portOf = (i: number): number => (config.port === 0 ? 0 : config.port + 1 + i);
  if (config.port !== 0) {
    const taken = await takenPorts(config.host, [config.port, ...UNIT_CODES.map((_, i) => portOf(i))]);
    if (taken.length > 0) {
      throw new CliError(
        `port${taken.length > 1 ? "s" : ""} ${taken.join(", ")} on ${config.host} already in use: is a federation already running (http://${config.host}:${config.port}/health)? Stop it, or start on other ports with --port or ECOFED_PORT`,
      );
    }
  }
  console.log(`ecofed: starting ${UNIT_CODES.length} units (data in ${config.dataDir}; first start creates the demo data)`);
  // Before the units start: they read its public half to verify the gateway's assertions.
  const key = await loadOrCreatePlatformKey(config.dataDir);
  const supervisor = await UnitSupervisor.start(UNIT_CODES, portOf, process.env);
  const processes = supervisor.units;
  try {
    const sources = await fetchSubgraphSdl(
      processes.map((p) => ({ name: p.unit, url: p.url })),
      key,
    );
    // Classification is checked on what the units actually serve, with the checks of `ecofed lint`:
    // a @share composition would drop silently (no @composeDirective) must stop the start, not open the data.
    const checks = checkFederation(sources);
    if (checks.problems.length > 0 || !checks.supergraphSdl) {
      throw new CliError(`the federation does not pass ecofed lint:\n${checks.problems.map((p) => `  ${p}`).join("\n")}`);
    }
    if (checks.flags.length > 0) console.log(`ecofed: ${checks.flags.length} Art. 16 flags for the leading group to review (ecofed lint lists them)`);
    const gateway = await serveGateway(config, checks.supergraphSdl);
    onShutdown(async () => {
      await gateway.close();
      await supervisor.stop();
    });
    for (const p of processes) console.log(`ecofed: unit ${p.unit} at ${p.url} (pid ${p.pid})`);
    console.log(`ecofed: gateway ready at ${gateway.url}`);
    console.log(`ecofed: get a token with: npx ecofed token --unit <unit> (send it as Authorization: Bearer <token>, with X-Share-Purpose)`);
  } catch (error) {
    await supervisor.stop();
    throw error;
  }
}
