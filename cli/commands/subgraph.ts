import { parseArgs } from "node:util";
import { baseConfig, parsePort } from "../../gateway/config.js";
import { PlatformPublicKeys } from "../../subgraphs/_kit/platform-public-keys.js";
import { serveUnit } from "../../subgraphs/_kit/serve-unit.js";
import { DEFAULT_UNIT_MAX_ITEMS } from "../../subgraphs/_kit/read-budget.js";
import { positiveSetting } from "../../gateway/limits/limits-config.js";
import { isUnitCode, loadUnit, UNIT_CODES } from "../../subgraphs/registry.js";
import { CliError } from "../cli-error.js";
import { onShutdown } from "../shutdown.js";
import { exitWithParent } from "../supervision/parent-watch.js";

/** `ecofed subgraph <unit> [--port N]`: runs one unit as its own process (the supervisor forks these). */
export async function subgraphCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: { port: { type: "string" } }, allowPositionals: true });
  const code = positionals[0];
  if (!code || !isUnitCode(code)) throw new CliError(`unknown unit "${code ?? ""}"; units: ${UNIT_CODES.join(", ")}`, 2);
  const unit = await loadUnit(code);
  const base = baseConfig(process.env);
  // Run as a process, a unit always answers the gateway alone: it verifies every assertion
  // with the platform's public keys in the data dir (none there yet: it answers nobody).
  const running = await serveUnit(unit, {
    dataDir: base.dataDir,
    host: base.host,
    port: parsePort(values.port, "--port", 0),
    platformKeys: new PlatformPublicKeys(base.dataDir),
    // The same REDIS_URL as the gateway's (the supervisor forks units with its environment).
    redisUrl: base.redisUrl,
    redisPrefix: base.redisPrefix,
    maxItemsPerRequest: positiveSetting(process.env["ECOFED_UNIT_MAX_ITEMS"], "ECOFED_UNIT_MAX_ITEMS", DEFAULT_UNIT_MAX_ITEMS),
    ...(base.documentCacheBytes ? { documentCacheBytes: base.documentCacheBytes } : {}),
  });
  // The supervisor waits for this message; it means the demo data exists and requests are served.
  process.send?.({ type: "ready", unit: unit.code, url: running.url, seeded: running.seeded });
  if (!process.send) console.log(`${unit.code} serving at ${running.url}`);
  onShutdown(() => running.close());
  // A supervisor that dies without SIGTERM must not leave its units holding ports: at once
  // when the unit is idle, from a watch thread when it is busy.
  if (process.send) {
    process.on("disconnect", () => process.kill(process.pid, "SIGTERM"));
    exitWithParent();
  }
}
