import type Database from "better-sqlite3";
import { groupByKey, rowsInOrder } from "../_kit/batch.js";
import type { AdministrativeDivision } from "./division.js";
import type { EnterpriseRow } from "./enterprise.js";

const ENTERPRISE_COLUMNS = `credit_code AS creditCode, name, division_code AS divisionCode, industry,
  legal_representative AS legalRepresentative, address, registered_on AS registeredOn`;

export interface EnterprisePage {
  readonly rows: EnterpriseRow[];
  readonly hasNextPage: boolean;
}

/** The info centre's queries, prepared once per store. */
export class InfoCenterRepository {
  private readonly enterprisesByCode: Database.Statement;
  private readonly divisionsByCode: Database.Statement;
  private readonly allDivisions: Database.Statement;
  private readonly page: Database.Statement;
  private readonly count: Database.Statement;
  private readonly existsCode: Database.Statement;

  constructor(db: Database.Database) {
    this.enterprisesByCode = db.prepare(
      `SELECT ${ENTERPRISE_COLUMNS} FROM enterprises WHERE credit_code IN (SELECT value FROM json_each(?))`,
    );
    this.divisionsByCode = db.prepare(
      "SELECT code, name, level FROM divisions WHERE code IN (SELECT value FROM json_each(?))",
    );
    this.allDivisions = db.prepare("SELECT code, name, level FROM divisions ORDER BY code");
    this.page = db.prepare(
      `SELECT ${ENTERPRISE_COLUMNS} FROM enterprises
       WHERE (@division IS NULL OR division_code = @division) AND (@after IS NULL OR credit_code > @after)
       ORDER BY credit_code LIMIT @limit`,
    );
    this.count = db.prepare(
      "SELECT count(*) AS n FROM enterprises WHERE (@division IS NULL OR division_code = @division)",
    );
    this.existsCode = db.prepare("SELECT 1 FROM enterprises WHERE credit_code = ?").pluck();
  }

  enterprises(codes: readonly string[]): (EnterpriseRow | null)[] {
    return rowsInOrder(groupByKey<EnterpriseRow>(this.enterprisesByCode, codes, (r) => r.creditCode), codes);
  }

  divisions(codes: readonly string[]): (AdministrativeDivision | null)[] {
    return rowsInOrder(groupByKey<AdministrativeDivision>(this.divisionsByCode, codes, (r) => r.code), codes);
  }

  listDivisions(): AdministrativeDivision[] {
    return this.allDivisions.all() as AdministrativeDivision[];
  }

  enterprisePage(division: string | null, after: string | null, limit: number): EnterprisePage {
    const rows = this.page.all({ division, after, limit: limit + 1 }) as EnterpriseRow[];
    return { rows: rows.slice(0, limit), hasNextPage: rows.length > limit };
  }

  countEnterprises(division: string | null): number {
    return (this.count.get({ division }) as { n: number }).n;
  }

  hasEnterprise(code: string): boolean {
    return this.existsCode.get(code) !== undefined;
  }
}
