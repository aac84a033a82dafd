import { readAuditUsage } from "../../governance/audit-usage.js";
import { catalogProviders } from "../../governance/catalog-figures.js";
import { checkRange, instantWindow, periodsBetween, type EvaluationPeriodKind } from "../../governance/evaluation-period.js";
import { evaluateUnit, type UnitEvaluation } from "../../governance/unit-evaluation.js";
import type { ApplicationDeadlines } from "./application-deadlines.js";
import type { CatalogChangeRepository } from "./catalog-change-repository.js";
import type { CatalogVersionRepository } from "./catalog-version-repository.js";
import type { DataIssueRepository } from "./data-issue-repository.js";
import { orRefuse, refusalError } from "./governance-errors.js";

/** The evaluations of one period. */
export interface PeriodEvaluationRecord {
  readonly period: string;
  readonly from: string;
  readonly to: string;
  readonly units: readonly UnitEvaluation[];
}

/**
 * Art. 28: evaluates units over a period from what governance stores (the catalog in force at
 * the period's end, applications, data issues, catalog changes) and what the access log
 * holds (the audit store beside governance's, read-only). Figures stand at the period's end,
 * or at today while the period runs, so a closed period's evaluation never changes.
 */
export class EvaluationService {
  constructor(
    private readonly versions: CatalogVersionRepository,
    private readonly applications: ApplicationDeadlines,
    private readonly issues: DataIssueRepository,
    private readonly changes: CatalogChangeRepository,
    private readonly auditFile: string,
  ) {}

  /** `unit` null: every unit with items in the catalog in force at `to`. */
  evaluate(unit: string | null, from: string | null, to: string, today: string): UnitEvaluation[] {
    const problem = checkRange(from, to);
    if (problem) throw refusalError(problem);
    const window = instantWindow(from, to);
    const record = this.versions.asOf(window.to);
    const catalog = record ? { version: record.version, catalog: this.versions.catalogOf(record.version).catalog } : null;
    const units = unit !== null ? [unit] : catalog ? catalogProviders(catalog.catalog) : [];
    const usage = readAuditUsage(this.auditFile, units, window);
    const asOf = to < today ? to : today;
    return units.map((u) =>
      evaluateUnit({
        unit: u,
        from,
        to,
        asOf,
        catalog,
        applications: this.applications.tasksOf(u, window),
        dataIssues: this.issues.tasksOf(u, window),
        catalogChanges: this.changes.tasksOf(u, window),
        usage: usage?.get(u) ?? null,
      }),
    );
  }

  /** The evaluations of each calendar month, quarter or year meeting [from, to]. */
  byPeriod(unit: string | null, kind: EvaluationPeriodKind, from: string, to: string, today: string): PeriodEvaluationRecord[] {
    const { periods } = orRefuse(periodsBetween(kind, from, to));
    return periods.map((p) => ({ period: p.label, from: p.from, to: p.to, units: this.evaluate(unit, p.from, p.to, today) }));
  }
}
