import { dirname, join } from "node:path";
import type Database from "better-sqlite3";
import { AUDIT_STORE_FILE } from "../../audit/migrations.js";
import type { WorkingDayCalendar } from "../../domain/working-days.js";
import { ApplicationDeadlines } from "./application-deadlines.js";
import { CatalogChangeRepository } from "./catalog-change-repository.js";
import { CatalogReader } from "./catalog-reader.js";
import { CatalogVersionRepository } from "./catalog-version-repository.js";
import { CatalogVersionService } from "./catalog-version-service.js";
import { DataIssueRepository } from "./data-issue-repository.js";
import { EvaluationService } from "./evaluation-service.js";
import type { EventLog } from "./event-log.js";
import { FeedbackService } from "./feedback-service.js";
import type { GrantRepository } from "./grant-repository.js";
import { OutcomeRepository } from "./outcome-repository.js";
import type { SupergraphCatalog } from "./supergraph-catalog.js";
import type { SuspensionRepository } from "./suspension-repository.js";

/** The catalog's versions (Art. 10–14), quality feedback (Art. 7(4), 8) and evaluations (Art. 28). */
export interface OversightStore {
  readonly catalogVersions: CatalogVersionRepository;
  readonly catalogChanges: CatalogChangeRepository;
  readonly catalogService: CatalogVersionService;
  readonly catalogReader: CatalogReader;
  readonly dataIssues: DataIssueRepository;
  readonly outcomes: OutcomeRepository;
  readonly feedback: FeedbackService;
  readonly evaluation: EvaluationService;
}

/** What it takes from the rest of the governance store. */
export interface OversightDependencies {
  readonly supergraphs: SupergraphCatalog;
  readonly events: EventLog;
  readonly grants: GrantRepository;
  readonly suspensions: SuspensionRepository;
}

export function oversightStore(db: Database.Database, calendar: WorkingDayCalendar, deps: OversightDependencies, auditFile: string = auditStoreBeside(db)): OversightStore {
  const catalogVersions = new CatalogVersionRepository(db);
  const catalogChanges = new CatalogChangeRepository(db);
  const dataIssues = new DataIssueRepository(db);
  const outcomes = new OutcomeRepository(db);
  return {
    catalogVersions,
    catalogChanges,
    catalogService: new CatalogVersionService(db, deps.supergraphs, catalogVersions, catalogChanges, deps.events, calendar),
    catalogReader: new CatalogReader(catalogVersions, deps.supergraphs, deps.grants, deps.suspensions),
    dataIssues,
    outcomes,
    feedback: new FeedbackService(db, dataIssues, outcomes, catalogVersions, deps.events, calendar),
    evaluation: new EvaluationService(catalogVersions, new ApplicationDeadlines(db), dataIssues, catalogChanges, auditFile),
  };
}

/**
 * The access log's file: every unit's store, the audit unit's and the gateway's log included,
 * lies in the one data dir (serveUnit's `<dataDir>/<unit>.sqlite`, the gateway's
 * `<dataDir>/audit.sqlite`), so the governance store's own file says where it is.
 */
function auditStoreBeside(db: Database.Database): string {
  return join(dirname(db.name), AUDIT_STORE_FILE);
}
