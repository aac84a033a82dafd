import { parseArgs } from "node:util";
import { baseConfig } from "../../gateway/config.js";
import { checkFederation } from "../../governance/catalog/check-federation.js";
import { CliError } from "../cli-error.js";
import { demoSubgraphs } from "./compose.js";

/**
 * `ecofed lint`: every unit's classification and the catalog it composes to (the checks
 * `npm start` runs). One line per problem and exit 1; each Art. 16 flag a warning, exit 0.
 */
export async function lintCommand(args: string[]): Promise<void> {
  parseArgs({ args, options: {} });
  const subgraphs = await demoSubgraphs(baseConfig(process.env));
  const { problems, flags } = checkFederation(subgraphs);
  for (const problem of problems) console.log(problem);
  for (const flag of flags) console.log(`warning: ${flag}`);
  const flagged = `${flags.length} flag${flags.length === 1 ? "" : "s"} for the leading group to review (Art. 16)`;
  if (problems.length > 0) throw new CliError(`lint: ${problems.length} problem${problems.length === 1 ? "" : "s"}; ${flagged}`);
  console.log(`ecofed lint: ${subgraphs.length} subgraphs, every field classified, no problems; ${flagged}`);
}
