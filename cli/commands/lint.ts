import { parseArgs } from "node:util";
import { lintSubgraphs } from "../../directives/share/lint.js";
import { buildUnitSubgraph } from "../../subgraphs/_kit/build-subgraph.js";
import { loadUnits } from "../../subgraphs/registry.js";
import { CliError } from "../cli-error.js";

/** `ecofed lint`: every unit's classification; one line per problem and exit 1, or a one-line summary. */
export async function lintCommand(args: string[]): Promise<void> {
  parseArgs({ args, options: {} });
  const units = await loadUnits();
  const subgraphs = await Promise.all(
    units.map(async (unit) => ({
      name: unit.code,
      sdl: (await buildUnitSubgraph(unit)).sdl,
      ...(unit.businessData ? { businessData: unit.businessData } : {}),
    })),
  );
  const problems = lintSubgraphs(subgraphs);
  if (problems.length > 0) {
    for (const problem of problems) console.log(problem);
    throw new CliError(`lint: ${problems.length} problem${problems.length === 1 ? "" : "s"}`);
  }
  console.log(`ecofed lint: ${subgraphs.length} subgraphs, every field classified, no problems`);
}
