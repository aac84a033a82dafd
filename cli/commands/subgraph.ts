import { parseArgs } from "node:util";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { baseConfig, parsePort } from "../../gateway/config.js";
import { loadPlatformPublicKey, PUBLIC_KEY_FILE } from "../../gateway/identity/platform-key.js";
import { serveUnit } from "../../subgraphs/_kit/serve-unit.js";
import { isUnitCode, loadUnit, UNIT_CODES } from "../../subgraphs/registry.js";
import { CliError } from "../cli-error.js";
import { onShutdown } from "../shutdown.js";

/** `ecofed subgraph <unit> [--port N]`: runs one unit as its own process (the supervisor forks these). */
export async function subgraphCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: { port: { type: "string" } }, allowPositionals: true });
  const code = positionals[0];
  if (!code || !isUnitCode(code)) throw new CliError(`unknown unit "${code ?? ""}"; units: ${UNIT_CODES.join(", ")}`, 2);
  const unit = await loadUnit(code);
  const base = baseConfig(process.env);
  // The unit verifies the gateway's assertions with the platform's public key, when there is one.
  const platformKey = existsSync(join(base.dataDir, PUBLIC_KEY_FILE)) ? await loadPlatformPublicKey(base.dataDir) : undefined;
  const running = await serveUnit(unit, {
    dataDir: base.dataDir,
    host: base.host,
    port: parsePort(values.port, "--port", 0),
    ...(platformKey ? { platformKey } : {}),
  });
  // The supervisor waits for this message; it means the demo data exists and requests are served.
  process.send?.({ type: "ready", unit: unit.code, url: running.url, seeded: running.seeded });
  if (!process.send) console.log(`${unit.code} serving at ${running.url}`);
  onShutdown(() => running.close());
  // A supervisor that dies without SIGTERM must not leave its units holding ports.
  process.on("disconnect", () => process.kill(process.pid, "SIGTERM"));
}
