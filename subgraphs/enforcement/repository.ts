import type Database from "better-sqlite3";
import { groupByKey, listsInOrder, rowsInOrder } from "../_kit/batch.js";
import type { InspectionRow } from "./inspection.js";
import type { PenaltyKey } from "./penalty-cursor.js";
import type { PenaltyRow } from "./penalty.js";

const PENALTY_COLUMNS = `id, credit_code AS creditCode, division_code AS divisionCode, decision_number AS decisionNumber,
  decided_on AS decidedOn, violation, legal_basis AS legalBasis, amount_yuan AS amountYuan, status`;
const INSPECTION_COLUMNS = "id, credit_code AS creditCode, date, kind, result, inspector, informant";

// One filter for the page and its count: a division, an inclusive day range.
const PENALTY_FILTER = `(@division IS NULL OR division_code = @division)
  AND (@from IS NULL OR decided_on >= @from) AND (@to IS NULL OR decided_on <= @to)`;

export interface PenaltyFilter {
  readonly division: string | null;
  readonly from: string | null;
  readonly to: string | null;
}

export interface PenaltyPage {
  readonly rows: PenaltyRow[];
  readonly hasNextPage: boolean;
}

/** The enforcement bureau's queries, prepared once per store. */
export class EnforcementRepository {
  private readonly penaltiesByEnterprise: Database.Statement;
  private readonly inspectionsByEnterprise: Database.Statement;
  private readonly inspectionsById: Database.Statement;
  private readonly page: Database.Statement;
  private readonly count: Database.Statement;

  constructor(db: Database.Database) {
    this.penaltiesByEnterprise = db.prepare(
      `SELECT ${PENALTY_COLUMNS} FROM penalties WHERE credit_code IN (SELECT value FROM json_each(?))
       ORDER BY decided_on DESC, id DESC`,
    );
    this.inspectionsByEnterprise = db.prepare(
      `SELECT ${INSPECTION_COLUMNS} FROM inspections WHERE credit_code IN (SELECT value FROM json_each(?))
       ORDER BY date DESC, id DESC`,
    );
    this.inspectionsById = db.prepare(
      `SELECT ${INSPECTION_COLUMNS} FROM inspections WHERE id IN (SELECT value FROM json_each(?))`,
    );
    // Keyset, newest first: the row value (decided_on, id) is unique and the index's order.
    this.page = db.prepare(
      `SELECT ${PENALTY_COLUMNS} FROM penalties
       WHERE ${PENALTY_FILTER} AND (@afterDay IS NULL OR (decided_on, id) < (@afterDay, @afterId))
       ORDER BY decided_on DESC, id DESC LIMIT @limit`,
    );
    this.count = db.prepare(`SELECT count(*) AS n FROM penalties WHERE ${PENALTY_FILTER}`);
  }

  penaltiesOfEnterprises(creditCodes: readonly string[]): PenaltyRow[][] {
    return listsInOrder(groupByKey<PenaltyRow>(this.penaltiesByEnterprise, creditCodes, (r) => r.creditCode), creditCodes);
  }

  inspectionsOfEnterprises(creditCodes: readonly string[]): InspectionRow[][] {
    return listsInOrder(
      groupByKey<InspectionRow>(this.inspectionsByEnterprise, creditCodes, (r) => r.creditCode),
      creditCodes,
    );
  }

  inspections(ids: readonly string[]): (InspectionRow | null)[] {
    return rowsInOrder(groupByKey<InspectionRow>(this.inspectionsById, ids, (r) => r.id), ids);
  }

  penaltyPage(filter: PenaltyFilter, after: PenaltyKey | null, limit: number): PenaltyPage {
    const rows = this.page.all({
      ...filter,
      afterDay: after?.decidedOn ?? null,
      afterId: after?.id ?? null,
      limit: limit + 1,
    }) as PenaltyRow[];
    return { rows: rows.slice(0, limit), hasNextPage: rows.length > limit };
  }

  countPenalties(filter: PenaltyFilter): number {
    return (this.count.get(filter) as { n: number }).n;
  }
}
