import { benchAuditGateway } from "./audit-gateway.js";
import { benchAuditQuery } from "./audit-query.js";
import { benchAuditStore } from "./audit-store.js";
import { benchConsole } from "./console.js";
import { benchGatewayThroughput } from "./gateway-throughput.js";
import { benchStartup } from "./startup.js";

// `npm run bench`: every benchmark in one run, on this machine (figures are relative to it).
// `npm run bench -- console audit-query`: only those named.
const BENCHMARKS: Readonly<Record<string, () => Promise<void>>> = {
  startup: benchStartup,
  "gateway-throughput": benchGatewayThroughput,
  "audit-store": benchAuditStore,
  "audit-query": benchAuditQuery,
  "audit-gateway": benchAuditGateway,
  console: benchConsole,
};

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in BENCHMARKS));
if (unknown.length > 0) {
  console.error(`ecofed bench: unknown benchmark "${unknown[0]}"; known: ${Object.keys(BENCHMARKS).join(", ")}`);
  process.exit(2);
}
for (const [name, run] of Object.entries(BENCHMARKS)) if (asked.length === 0 || asked.includes(name)) await run();
