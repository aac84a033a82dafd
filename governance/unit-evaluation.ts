import type { RequesterUsage, PurposeSpread } from "./audit-usage.js";
import type { Catalog } from "./catalog/catalog.js";
import { catalogFigures, type CatalogFigures } from "./catalog-figures.js";
import { deadlineFigures, type DeadlineFigures } from "./deadline-figures.js";
import type { DeadlineTask } from "./deadline-outcome.js";
import { ratio, type Ratio } from "./ratio.js";

/** What the evaluation of one unit over one period is made from: stored data only. */
export interface EvaluationInput {
  readonly unit: string;
  readonly from: string | null;
  readonly to: string;
  /** The day the figures stand at: the period's end, or today while it runs. */
  readonly asOf: string;
  /** The catalog in force at the period's end. */
  readonly catalog: { readonly version: number; readonly catalog: Catalog } | null;
  /** Applications to the unit, data issues on its data and its catalog changes, of the period. */
  readonly applications: readonly DeadlineTask[];
  readonly dataIssues: readonly DeadlineTask[];
  readonly catalogChanges: readonly DeadlineTask[];
  /** Its reads of others' data from the access log; null when there is no log to read. */
  readonly usage: RequesterUsage | null;
}

export interface MisuseFlags {
  /** False when there was no access log: zeros then mean "not measured", not "clean". */
  readonly measured: boolean;
  /** Its reads denied, out of all its reads of other units' data. */
  readonly denied: Ratio;
  readonly purposeSpread: readonly PurposeSpread[];
}

/** Art. 28: the cac-office's evaluation of a unit, every figure with what it counts. */
export interface UnitEvaluation extends CatalogFigures {
  readonly unit: string;
  readonly from: string | null;
  readonly to: string;
  readonly asOf: string;
  readonly catalogVersion: number | null;
  /**
   * Always false: whether data meets its declared update frequency (Art. 29(2)) needs each
   * unit's latest data timestamp, which neither the catalog nor governance holds.
   */
  readonly freshnessMeasured: boolean;
  readonly applications: DeadlineFigures;
  readonly dataIssues: DeadlineFigures;
  readonly catalogChanges: DeadlineFigures;
  readonly misuse: MisuseFlags;
}

export function evaluateUnit(input: EvaluationInput): UnitEvaluation {
  const { unit, from, to, asOf, usage } = input;
  return {
    unit,
    from,
    to,
    asOf,
    catalogVersion: input.catalog?.version ?? null,
    ...catalogFigures(input.catalog?.catalog ?? null, unit),
    freshnessMeasured: false,
    applications: deadlineFigures(input.applications, asOf),
    dataIssues: deadlineFigures(input.dataIssues, asOf),
    catalogChanges: deadlineFigures(input.catalogChanges, asOf),
    misuse: { measured: usage !== null, denied: ratio(usage?.denied ?? 0, usage?.records ?? 0), purposeSpread: usage?.purposeSpread ?? [] },
  };
}
