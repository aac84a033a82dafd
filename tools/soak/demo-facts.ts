import { join } from "node:path";
import Database from "better-sqlite3";
import type { VariablePool } from "./workload.js";

/**
 * The true values of what some requesters may not read, from the units' own stores in the
 * data dir (not through the gateway, which is what is being checked): every value the
 * leak scan looks for in the answers of requesters denied it.
 */
export interface DeniedValues {
  /** NuclearFacility.physicalProtectionPlan (NOT_SHARED): long sentences. */
  readonly protectionPlans: ReadonlySet<string>;
  /** Inspection ids (`JC` + year + serial), for Enterprise.inspections and Inspection.id. */
  readonly inspectionIds: ReadonlySet<string>;
  /** Inspection.informant (NOT_SHARED): names that are nobody's legal representative and no division's name. */
  readonly informants: ReadonlySet<string>;
  /** Enterprise.legalRepresentative unmasked, for requesters who get it masked. */
  readonly legalRepresentatives: ReadonlySet<string>;
}

export interface DemoFacts {
  readonly pool: VariablePool;
  readonly denied: DeniedValues;
}

function open(dataDir: string, unit: string): Database.Database {
  return new Database(join(dataDir, `${unit}.sqlite`), { readonly: true, fileMustExist: true });
}

function column(db: Database.Database, sql: string): string[] {
  return db.prepare(sql).pluck().all() as string[];
}

/** Reads the facts once the federation has created its demo data. */
export function readDemoFacts(dataDir: string): DemoFacts {
  const info = open(dataDir, "info-center");
  const enforcement = open(dataDir, "enforcement");
  const nuclear = open(dataDir, "nuclear");
  try {
    const legalRepresentatives = new Set(column(info, `SELECT DISTINCT legal_representative FROM enterprises`));
    const divisionNames = new Set(column(info, `SELECT name FROM divisions`));
    // A short name is a marker only where nothing else the requester may read can equal it.
    const informants = new Set(
      column(enforcement, `SELECT DISTINCT informant FROM inspections WHERE informant IS NOT NULL`).filter((n) => !legalRepresentatives.has(n) && !divisionNames.has(n)),
    );
    for (const name of divisionNames) legalRepresentatives.delete(name);
    // The enterprises queried by credit code: inspected ones, a complaint's informant among them.
    const creditCodes = column(enforcement, `SELECT DISTINCT credit_code FROM inspections WHERE informant IS NOT NULL ORDER BY credit_code`);
    const divisionCodes = column(info, `SELECT DISTINCT division_code FROM enterprises ORDER BY division_code`);
    if (creditCodes.length === 0 || divisionCodes.length === 0) throw new Error(`no demo data in ${dataDir}`);
    return {
      pool: { creditCodes, divisionCodes },
      denied: {
        protectionPlans: new Set(column(nuclear, `SELECT physical_protection_plan FROM nuclear_facilities`)),
        inspectionIds: new Set(column(enforcement, `SELECT id FROM inspections`)),
        informants,
        legalRepresentatives,
      },
    };
  } finally {
    for (const db of [info, enforcement, nuclear]) db.close();
  }
}
