import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { baseConfig } from "../../gateway/config.js";
import { buildCatalog } from "../../governance/catalog/build-catalog.js";
import type { Catalog } from "../../governance/catalog/catalog.js";
import { CATALOG_FORMATS, formatCatalog, isCatalogFormat } from "../../governance/catalog/format-catalog.js";
import { oneLine } from "../../schema/compose.js";
import { CliError } from "../cli-error.js";
import { composeDemoSupergraph } from "./compose.js";

/**
 * `ecofed catalog [--format json|csv] [--supergraph FILE]`: the resource catalog (Art. 10–14)
 * of the demo federation, composed in-process like `ecofed compose`, or of a supergraph file.
 */
export async function catalogCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { format: { type: "string", default: "json" }, supergraph: { type: "string" } } });
  // Checked before composing: a usage error must not wait for eight schemas to build.
  if (!isCatalogFormat(values.format)) throw new CliError(`--format must be one of ${CATALOG_FORMATS.join(", ")}, got "${values.format}"`, 2);
  const file = values.supergraph;
  const supergraphSdl = file ? readSupergraph(file) : await composeDemoSupergraph(baseConfig(process.env));
  process.stdout.write(formatCatalog(catalogOf(supergraphSdl, file), values.format));
}

function catalogOf(supergraphSdl: string, file: string | undefined): Catalog {
  try {
    return buildCatalog(supergraphSdl);
  } catch (error) {
    throw new CliError(`cannot catalog ${file ? `supergraph ${file}` : "the demo federation"}: ${oneLine((error as Error).message)}`);
  }
}

function readSupergraph(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new CliError(`cannot read supergraph ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
