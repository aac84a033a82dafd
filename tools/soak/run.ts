import { runSoak } from "./run-soak.js";
import { SOAK_USAGE, soakOptions, SoakUsageError, type SoakOptions } from "./soak-options.js";

// `npm run soak` (issue 14 item 11): the federation as users run it, under mixed load, while
// units, the gateway and Redis are killed and cut; then every answer is reconciled against
// the audit log and scanned for denied values. Loopback only; its own Redis, never the machine's.

if (process.argv.includes("--help") || process.argv.includes("-h")) {
  console.log(SOAK_USAGE);
  process.exit(0);
}
let options: SoakOptions;
try {
  options = soakOptions(process.argv.slice(2), process.env);
} catch (error) {
  const e = error as Error & { code?: string };
  if (e instanceof SoakUsageError || String(e.code ?? "").startsWith("ERR_PARSE_ARGS")) {
    console.error(`soak: ${e.message}\n${SOAK_USAGE}`);
    process.exit(2);
  }
  throw error;
}
runSoak(options).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`soak: failed: ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  },
);
