import type Database from "better-sqlite3";
import { groupByKey, listsInOrder, rowsInOrder } from "../_kit/batch.js";
import type { ContaminatedSiteRow } from "./contaminated-site.js";

const SITE_COLUMNS = `id, name, division_code AS divisionCode, credit_code AS creditCode, land_use AS landUse,
  risk_level AS riskLevel, pollutants, area_square_metres AS areaSquareMetres, status, listed_on AS listedOn`;

type StoredSite = Omit<ContaminatedSiteRow, "pollutants"> & { readonly pollutants: string };

/** The soil department's queries, prepared once per store. */
export class SoilRepository {
  private readonly sitesById: Database.Statement;
  private readonly sitesByEnterprise: Database.Statement;
  private readonly siteList: Database.Statement;

  constructor(db: Database.Database) {
    this.sitesById = db.prepare(`SELECT ${SITE_COLUMNS} FROM contaminated_sites WHERE id IN (SELECT value FROM json_each(?))`);
    this.sitesByEnterprise = db.prepare(
      `SELECT ${SITE_COLUMNS} FROM contaminated_sites WHERE credit_code IN (SELECT value FROM json_each(?)) ORDER BY credit_code, id`,
    );
    this.siteList = db.prepare(
      `SELECT ${SITE_COLUMNS} FROM contaminated_sites WHERE (@division IS NULL OR division_code = @division) ORDER BY id`,
    );
  }

  sites(ids: readonly string[]): (ContaminatedSiteRow | null)[] {
    return rowsInOrder(groupByKey<StoredSite>(this.sitesById, ids, (r) => r.id), ids).map((r) => (r ? toSite(r) : null));
  }

  sitesOf(creditCodes: readonly string[]): ContaminatedSiteRow[][] {
    const groups = groupByKey<StoredSite>(this.sitesByEnterprise, creditCodes, (r) => r.creditCode ?? "");
    return listsInOrder(groups, creditCodes).map((rows) => rows.map(toSite));
  }

  listSites(divisionCode: string | null): ContaminatedSiteRow[] {
    return (this.siteList.all({ division: divisionCode }) as StoredSite[]).map(toSite);
  }
}

function toSite(row: StoredSite): ContaminatedSiteRow {
  return { ...row, pollutants: JSON.parse(row.pollutants) as string[] };
}
