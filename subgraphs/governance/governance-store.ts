import type Database from "better-sqlite3";
import type { WorkingDayCalendar } from "../../domain/working-days.js";
import { ApplicationRepository } from "./application-repository.js";
import { ApplicationService } from "./application-service.js";
import { EventLog } from "./event-log.js";
import { ExternalRequestRepository } from "./external-request-repository.js";
import { ExternalRequestService } from "./external-request-service.js";
import { GrantRepository } from "./grant-repository.js";
import { oversightStore, type OversightStore } from "./oversight-store.js";
import { SupergraphCatalog } from "./supergraph-catalog.js";
import { SupervisionService } from "./supervision-service.js";
import { SuspensionRepository } from "./suspension-repository.js";

/** The governance store's repositories and services, with their statements prepared once. */
export interface GovernanceStore {
  readonly applications: ApplicationRepository;
  readonly grants: GrantRepository;
  readonly suspensions: SuspensionRepository;
  readonly externalRequests: ExternalRequestRepository;
  readonly events: EventLog;
  readonly catalog: SupergraphCatalog;
  readonly applicationService: ApplicationService;
  readonly supervision: SupervisionService;
  readonly externalRequestService: ExternalRequestService;
  readonly oversight: OversightStore;
}

export function governanceStore(db: Database.Database, calendar: WorkingDayCalendar): GovernanceStore {
  const applications = new ApplicationRepository(db);
  const grants = new GrantRepository(db);
  const suspensions = new SuspensionRepository(db);
  const externalRequests = new ExternalRequestRepository(db);
  const events = new EventLog(db);
  const catalog = new SupergraphCatalog(db);
  return {
    applications,
    grants,
    suspensions,
    externalRequests,
    events,
    catalog,
    applicationService: new ApplicationService(db, applications, grants, events, catalog, calendar),
    supervision: new SupervisionService(db, grants, suspensions, events),
    externalRequestService: new ExternalRequestService(db, externalRequests, events),
    oversight: oversightStore(db, calendar, { supergraphs: catalog, events, grants, suspensions }),
  };
}
