import type Database from "better-sqlite3";
import { GraphQLError } from "graphql";
import type { WorkingDayCalendar } from "../../domain/working-days.js";
import { buildCatalog } from "../../governance/catalog/build-catalog.js";
import type { Catalog } from "../../governance/catalog/catalog.js";
import { catalogProviders } from "../../governance/catalog-figures.js";
import { CATALOG_UPDATE_WORKING_DAYS, checkConfirmation, checkPublication, nextCatalogVersion } from "../../governance/catalog-versioning.js";
import { dueBy } from "../../governance/deadlines.js";
import { badUserInput, type ErrorCode } from "../../schema/errors.js";
import type { AssertedRequester } from "../../schema/request-assertion.js";
import type { CatalogChangeRecord } from "./catalog-change.js";
import type { CatalogChangeRepository } from "./catalog-change-repository.js";
import { versionView, type CatalogVersionRecord, type CatalogVersionView } from "./catalog-version.js";
import type { CatalogVersionRepository } from "./catalog-version-repository.js";
import type { EventLog } from "./event-log.js";
import { notFound, orRefuse } from "./governance-errors.js";
import type { SupergraphCatalog } from "./supergraph-catalog.js";

/**
 * Catalog versions (Art. 10–12): one per catalog the gateway's supergraphs produce, recorded
 * with the supergraph in one transaction; publication by the leading group (Art. 11); each
 * unit's confirmation of what a version changed of it (Art. 12). Every change has its history.
 */
export class CatalogVersionService {
  constructor(
    private readonly db: Database.Database,
    private readonly supergraphs: SupergraphCatalog,
    private readonly versions: CatalogVersionRepository,
    private readonly changes: CatalogChangeRepository,
    private readonly events: EventLog,
    private readonly calendar: WorkingDayCalendar,
  ) {}

  /** Records a supergraph and, when its catalog differs from the latest version's, a new draft version; the supergraph's version. */
  recordSupergraph(requester: AssertedRequester, sdl: string, now: Date): number {
    return this.db.transaction(() => {
      const supergraphVersion = this.supergraphs.record(sdl, now.toISOString());
      const latest = this.versions.latest();
      // The same supergraph as the latest version's cannot make another catalog: skip building it.
      if (latest?.supergraphVersion !== supergraphVersion) this.recordCatalog(requester, latest, catalogOf(sdl), supergraphVersion, now);
      return supergraphVersion;
    }).immediate();
  }

  /** Art. 11: the leading group publishes a draft. */
  publish(requester: AssertedRequester, version: number, now: Date): CatalogVersionView {
    const at = now.toISOString();
    return this.db.transaction(() => {
      const record = this.versions.get(version);
      if (!record) throw notFound("version", "catalog version", String(version));
      orRefuse(checkPublication(record, this.versions.latestPublished()?.version ?? null, requester));
      this.versions.publish(version, at, requester.principal);
      // Every unit with items in it learns its entries are now the published catalog.
      const owners = catalogProviders(this.versions.catalogOf(version).catalog);
      this.events.record({ subject: "CATALOG_VERSION", subjectId: version, action: "PUBLISH", from: "DRAFT", to: "PUBLISHED", actor: requester, at, reason: null }, owners);
      return this.view(this.versions.get(version)!);
    }).immediate();
  }

  /** Art. 12: the requester's unit's approver confirms its catalog is up to date after a version's change. */
  confirm(requester: AssertedRequester, version: number, now: Date): CatalogChangeRecord {
    const at = now.toISOString();
    return this.db.transaction(() => {
      const change = this.changes.find(version, requester.unit);
      if (!change) throw nothingToConfirm(version, requester.unit);
      orRefuse(checkConfirmation({ unit: change.unit, confirmed: change.confirmedAt !== null }, requester));
      const id = Number(change.id);
      this.changes.confirm(id, at, requester.principal);
      this.events.record({ subject: "CATALOG_CHANGE", subjectId: id, action: "CONFIRM", from: change.status, to: "CONFIRMED", actor: requester, at, reason: null }, [change.unit]);
      return this.changes.get(id);
    }).immediate();
  }

  /** Every version, newest first, with what each changed (two statements). */
  list(): CatalogVersionView[] {
    const records = this.versions.list();
    const changesOf = this.changes.byVersions(records.map((r) => r.version));
    return records.map((r) => versionView(r, changesOf(r.version)));
  }

  private view(record: CatalogVersionRecord): CatalogVersionView {
    return versionView(record, this.changes.byVersions([record.version])(record.version));
  }

  // Art. 12: each unit a version changes is told, and has 15 working days from the change day.
  private recordCatalog(requester: AssertedRequester, latest: CatalogVersionRecord | null, catalog: Catalog, supergraphVersion: number, now: Date): void {
    const next = nextCatalogVersion(latest ? this.versions.catalogOf(latest.version).catalog : null, catalog);
    if (!next) return;
    const at = now.toISOString();
    const version = this.versions.insert({ supergraphVersion, catalog, diff: next.diff, recordedAt: at });
    this.events.record({ subject: "CATALOG_VERSION", subjectId: version, action: "RECORD", from: null, to: "DRAFT", actor: requester, at, reason: null }, []);
    const due = dueBy(this.calendar, now, CATALOG_UPDATE_WORKING_DAYS);
    for (const [unit, subjects] of next.changedUnits) {
      const id = this.changes.insert({ version, unit, subjects, changedAt: at, dueBy: due });
      const reason = `catalog version ${version} changes ${subjects.length} of its entries`;
      this.events.record({ subject: "CATALOG_CHANGE", subjectId: id, action: "RECORD", from: null, to: "AWAITING_CONFIRMATION", actor: requester, at, reason }, [unit]);
    }
  }
}

function catalogOf(sdl: string): Catalog {
  try {
    return buildCatalog(sdl);
  } catch (error) {
    throw badUserInput("sdl", `cannot be catalogued: ${(error as Error).message}`);
  }
}

function nothingToConfirm(version: number, unit: string): GraphQLError {
  return new GraphQLError(`Catalog version ${version} changed nothing of ${unit}: there is no catalog update to confirm.`, {
    extensions: { code: "NOT_FOUND" satisfies ErrorCode, argument: "version" },
  });
}
