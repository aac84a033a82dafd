import type Database from "better-sqlite3";
import { groupByKey, rowsInOrder } from "../_kit/batch.js";
import type { DischargePermitRow } from "./discharge-permit.js";

const PERMIT_COLUMNS = `permit_number AS permitNumber, credit_code AS creditCode, division_code AS divisionCode,
  category, issued_on AS issuedOn, valid_until AS validUntil, issuing_authority AS issuingAuthority,
  pollutants, status`;

/** A permit row as SQLite stores it: the pollutant list is a JSON array. */
type StoredPermit = Omit<DischargePermitRow, "pollutants"> & { readonly pollutants: string };

export interface PermitPage {
  readonly rows: DischargePermitRow[];
  readonly hasNextPage: boolean;
}

function fromStored(row: StoredPermit): DischargePermitRow {
  return { ...row, pollutants: JSON.parse(row.pollutants) as string[] };
}

/** The permit unit's queries, prepared once per store. */
export class PermitsRepository {
  private readonly byEnterprise: Database.Statement;
  private readonly byNumber: Database.Statement;
  private readonly page: Database.Statement;
  private readonly count: Database.Statement;

  constructor(db: Database.Database) {
    // Newest sequence first, so an enterprise's current permit is the first of its group.
    this.byEnterprise = db.prepare(
      `SELECT ${PERMIT_COLUMNS} FROM permits WHERE credit_code IN (SELECT value FROM json_each(?))
       ORDER BY permit_number DESC`,
    );
    this.byNumber = db.prepare(
      `SELECT ${PERMIT_COLUMNS} FROM permits WHERE permit_number IN (SELECT value FROM json_each(?))`,
    );
    this.page = db.prepare(
      `SELECT ${PERMIT_COLUMNS} FROM permits
       WHERE (@division IS NULL OR division_code = @division) AND (@after IS NULL OR permit_number > @after)
       ORDER BY permit_number LIMIT @limit`,
    );
    this.count = db.prepare(
      "SELECT count(*) AS n FROM permits WHERE (@division IS NULL OR division_code = @division)",
    );
  }

  /** Each enterprise's current permit, or null, in key order: one statement for all. */
  permitsOfEnterprises(creditCodes: readonly string[]): (DischargePermitRow | null)[] {
    const groups = groupByKey<StoredPermit>(this.byEnterprise, creditCodes, (r) => r.creditCode);
    return rowsInOrder(groups, creditCodes).map((row) => (row ? fromStored(row) : null));
  }

  permits(permitNumbers: readonly string[]): (DischargePermitRow | null)[] {
    const groups = groupByKey<StoredPermit>(this.byNumber, permitNumbers, (r) => r.permitNumber);
    return rowsInOrder(groups, permitNumbers).map((row) => (row ? fromStored(row) : null));
  }

  permitPage(division: string | null, after: string | null, limit: number): PermitPage {
    const rows = this.page.all({ division, after, limit: limit + 1 }) as StoredPermit[];
    return { rows: rows.slice(0, limit).map(fromStored), hasNextPage: rows.length > limit };
  }

  countPermits(division: string | null): number {
    return (this.count.get({ division }) as { n: number }).n;
  }
}
