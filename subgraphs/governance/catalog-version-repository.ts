import type Database from "better-sqlite3";
import type { Catalog, CatalogFinding } from "../../governance/catalog/catalog.js";
import type { CatalogDiff } from "../../governance/catalog/diff-catalogs.js";
import type { CatalogVersionStatus } from "../../governance/catalog-versioning.js";
import type { CatalogVersionRecord } from "./catalog-version.js";

interface VersionRow {
  version: number;
  supergraph_version: number;
  digest: string;
  diff: string | null;
  status: string;
  recorded_at: string;
  published_at: string | null;
  published_by: string | null;
}

/** A stored catalog, parsed, with each item's owner at hand. */
export interface StoredCatalog {
  readonly catalog: Catalog;
  readonly itemOwners: ReadonlyMap<string, string>;
}

function toRecord(row: VersionRow): CatalogVersionRecord {
  return {
    version: row.version,
    supergraphVersion: row.supergraph_version,
    digest: row.digest,
    status: row.status as CatalogVersionStatus,
    recordedAt: row.recorded_at,
    publishedAt: row.published_at,
    publishedBy: row.published_by,
    diff: row.diff === null ? null : (JSON.parse(row.diff) as CatalogDiff),
  };
}

// Every column but the catalog itself, which only catalogOf reads.
const COLUMNS = "version, supergraph_version, digest, diff, status, recorded_at, published_at, published_by";
// A version's catalog never changes; the few read most (published, latest, as of a period) stay parsed.
const CACHED_CATALOGS = 4;

/** The catalog_versions table. */
export class CatalogVersionRepository {
  private readonly insertRow: Database.Statement;
  private readonly getRow: Database.Statement;
  private readonly latestRow: Database.Statement;
  private readonly latestPublishedRow: Database.Statement;
  private readonly asOfRow: Database.Statement;
  private readonly allRows: Database.Statement;
  private readonly publishRow: Database.Statement;
  private readonly catalogText: Database.Statement;
  private readonly parsed = new Map<number, StoredCatalog>();

  constructor(db: Database.Database) {
    this.insertRow = db.prepare(`INSERT INTO catalog_versions (supergraph_version, digest, catalog, diff, status, recorded_at)
      VALUES (@supergraphVersion, @digest, @catalog, @diff, 'DRAFT', @recordedAt)`);
    this.getRow = db.prepare(`SELECT ${COLUMNS} FROM catalog_versions WHERE version = ?`);
    this.latestRow = db.prepare(`SELECT ${COLUMNS} FROM catalog_versions ORDER BY version DESC LIMIT 1`);
    this.latestPublishedRow = db.prepare(`SELECT ${COLUMNS} FROM catalog_versions WHERE status = 'PUBLISHED' ORDER BY version DESC LIMIT 1`);
    this.asOfRow = db.prepare(`SELECT ${COLUMNS} FROM catalog_versions WHERE recorded_at < ? ORDER BY version DESC LIMIT 1`);
    this.allRows = db.prepare(`SELECT ${COLUMNS} FROM catalog_versions ORDER BY version DESC`);
    this.publishRow = db.prepare("UPDATE catalog_versions SET status = 'PUBLISHED', published_at = @at, published_by = @by WHERE version = @version");
    this.catalogText = db.prepare("SELECT catalog FROM catalog_versions WHERE version = ?").pluck();
  }

  insert(version: { readonly supergraphVersion: number; readonly catalog: Catalog; readonly diff: CatalogDiff | null; readonly recordedAt: string }): number {
    const { catalog, diff } = version;
    const row = { ...version, digest: catalog.digest, catalog: JSON.stringify(catalog), diff: diff === null ? null : JSON.stringify(diff) };
    return Number(this.insertRow.run(row).lastInsertRowid);
  }

  get(version: number): CatalogVersionRecord | null {
    return this.one(this.getRow, version);
  }

  latest(): CatalogVersionRecord | null {
    return this.one(this.latestRow);
  }

  latestPublished(): CatalogVersionRecord | null {
    return this.one(this.latestPublishedRow);
  }

  /** The version in force at an instant: the last one recorded before it. */
  asOf(instant: string): CatalogVersionRecord | null {
    return this.one(this.asOfRow, instant);
  }

  /** Every version, newest first. */
  list(): CatalogVersionRecord[] {
    return (this.allRows.all() as VersionRow[]).map(toRecord);
  }

  publish(version: number, at: string, by: string): void {
    this.publishRow.run({ version, at, by });
  }

  /** A stored version's catalog, parsed once. */
  catalogOf(version: number): StoredCatalog {
    let stored = this.parsed.get(version);
    if (!stored) {
      const catalog = withFlags(JSON.parse(this.catalogText.get(version) as string) as StoredCatalogText);
      stored = { catalog, itemOwners: new Map(catalog.resources.flatMap((r) => r.items.map((i) => [i.coordinate, i.owner] as const))) };
      if (this.parsed.size >= CACHED_CATALOGS) this.parsed.delete(this.parsed.keys().next().value!);
      this.parsed.set(version, stored);
    }
    return stored;
  }

  private one(statement: Database.Statement, ...params: unknown[]): CatalogVersionRecord | null {
    const row = statement.get(...params) as VersionRow | undefined;
    return row ? toRecord(row) : null;
  }
}

type StoredCatalogText = Omit<Catalog, "flags" | "problems"> & { readonly problems: readonly CatalogFinding<string>[]; readonly flags?: Catalog["flags"] };

/** Versions recorded before flags had a list of their own (issue 15 §3) held them among the problems. */
function withFlags(catalog: StoredCatalogText): Catalog {
  if (catalog.flags) return catalog as Catalog;
  const isFlag = (p: CatalogFinding<string>): boolean => p.code === "BUSINESS_DATA_NOT_UNCONDITIONAL";
  return { ...catalog, problems: catalog.problems.filter((p) => !isFlag(p)) as Catalog["problems"], flags: catalog.problems.filter(isFlag) as Catalog["flags"] };
}
