import { KnownUnits, REGISTERED_UNIT_CODES } from "../../domain/known-units.js";
import { badUserInput } from "../../schema/errors.js";
import type { GovernanceStore } from "./governance-store.js";

/**
 * A unit named in an argument (`evaluation(unit:)`, `suspendUnit(unit:)`, …) must be one the
 * platform knows — its registry, `ECOFED_UNITS`, the graphs of the supergraph the gateway
 * recorded, or an `ext:` department — else BAD_USER_INPUT (issue 15: an evaluation row was
 * answered for any string, named after it).
 */
export function knownUnitArgument(store: GovernanceStore, argument: string, unit: string): string {
  const graphs = new Set<string>();
  for (const entry of store.catalog.current()?.index.fields.values() ?? []) for (const graph of entry.graphs) graphs.add(graph);
  const configured = (process.env["ECOFED_UNITS"] ?? "").split(",").map((u) => u.trim()).filter((u) => u !== "");
  const problem = new KnownUnits([...REGISTERED_UNIT_CODES, ...configured, ...graphs]).problem(unit);
  if (problem) throw badUserInput(argument, `is not a unit the platform knows: ${problem}`);
  return unit;
}
