import { readFileSync } from "node:fs";
import { onShutdown } from "../cli/shutdown.js";
import { baseConfig, parseDefaultClass } from "../gateway/config.js";
import { serveGateway } from "../gateway/serve-gateway.js";

/**
 * Benchmark baseline: the ecofed gateway exactly as `ecofed gateway --supergraph FILE
 * --port 0` runs it, but with no audit log (`withoutAudit`, a benchmark-only switch).
 *   node dist/bench/audit-gateway-off.js SUPERGRAPH_FILE
 * Same environment as the CLI (ECOFED_DATA_DIR …). Prints `audit-off gateway ready at <url>`;
 * SIGTERM or SIGINT stops it.
 */

const [file] = process.argv.slice(2);
if (!file) {
  console.error("usage: audit-gateway-off.js SUPERGRAPH_FILE");
  process.exit(2);
}

const config = { ...baseConfig(process.env, { port: "0" }), defaultClass: parseDefaultClass(undefined) };
const gateway = await serveGateway(config, readFileSync(file, "utf8"), { withoutAudit: true });
onShutdown(() => gateway.close());
console.log(`audit-off gateway ready at ${gateway.url}`);
