import { parseArgs } from "node:util";
import { baseConfig, knownUnits } from "../../gateway/config.js";
import { loadOrCreatePlatformKey } from "../../gateway/identity/platform-key.js";
import { DEFAULT_TOKEN_TTL_SECONDS, requesterProblem, signToken } from "../../gateway/identity/token.js";
import { CliError } from "../cli-error.js";

const MAX_TTL_SECONDS = 366 * 24 * 3600;

/** `ecofed token --unit <code> [--principal <name>] [--role <role>]… [--ttl <seconds>]`: one line, a JWT. */
export async function tokenCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      unit: { type: "string" },
      principal: { type: "string" },
      role: { type: "string", multiple: true },
      ttl: { type: "string" },
    },
  });
  if (!values.unit) throw new CliError("--unit <code> is required", 2);
  const ttl = values.ttl === undefined ? DEFAULT_TOKEN_TTL_SECONDS : Number(values.ttl);
  if (!Number.isInteger(ttl) || ttl <= 0 || ttl > MAX_TTL_SECONDS) {
    throw new CliError(`--ttl must be a whole number of seconds from 1 to ${MAX_TTL_SECONDS}, got "${values.ttl}"`);
  }
  const requester = { unit: values.unit, principal: values.principal ?? `${values.unit}-dev`, roles: values.role ?? [] };
  const config = baseConfig(process.env);
  const problem = requesterProblem(requester, knownUnits(config));
  if (problem) throw new CliError(problem);
  const key = await loadOrCreatePlatformKey(config.dataDir);
  process.stdout.write(`${await signToken(key, requester, ttl)}\n`);
}
