import type Database from "better-sqlite3";
import { groupByKey, listsInOrder, rowsInOrder } from "../_kit/batch.js";
import type { NuclearFacilityRow } from "./nuclear-facility.js";
import { toRadiationReading, type RadiationReading, type RadiationReadingRow } from "./radiation-reading.js";
import type { ReadingWindow } from "../_kit/reading-window.js";

const FACILITY_COLUMNS = `id, name, kind, operator, division_code AS divisionCode, status, units,
  physical_protection_plan AS physicalProtectionPlan`;

/** The nuclear safety unit's queries, prepared once per store. */
export class NuclearRepository {
  private readonly facilitiesById: Database.Statement;
  private readonly facilityList: Database.Statement;
  private readonly readingsByFacility: Database.Statement;

  constructor(db: Database.Database) {
    this.facilitiesById = db.prepare(
      `SELECT ${FACILITY_COLUMNS} FROM nuclear_facilities WHERE id IN (SELECT value FROM json_each(?))`,
    );
    this.facilityList = db.prepare(`SELECT ${FACILITY_COLUMNS} FROM nuclear_facilities ORDER BY id`);
    // Per facility, the newest `last` rows in the window: a correlated LIMIT over the
    // (facility_id, at) index, so all facilities of a batch are one statement.
    this.readingsByFacility = db.prepare(
      `SELECT r.facility_id AS facilityId, r.at, r.dose_rate AS doseRate
       FROM json_each(@ids) AS k
       JOIN radiation_readings AS r ON r.rowid IN (
         SELECT rowid FROM radiation_readings
         WHERE facility_id = k.value AND at BETWEEN @from AND @to
         ORDER BY at DESC LIMIT @last)
       ORDER BY k.key, r.at DESC`,
    );
  }

  facilities(ids: readonly string[]): (NuclearFacilityRow | null)[] {
    return rowsInOrder(groupByKey<NuclearFacilityRow>(this.facilitiesById, ids, (r) => r.id), ids);
  }

  listFacilities(): NuclearFacilityRow[] {
    return this.facilityList.all() as NuclearFacilityRow[];
  }

  readings(ids: readonly string[], window: ReadingWindow): RadiationReading[][] {
    const groups = new Map<string, RadiationReading[]>();
    const rows = this.readingsByFacility.all({
      ids: JSON.stringify(ids),
      from: window.fromMs,
      to: window.toMs,
      last: window.last,
    }) as RadiationReadingRow[];
    for (const row of rows) {
      const list = groups.get(row.facilityId);
      if (list) list.push(toRadiationReading(row));
      else groups.set(row.facilityId, [toRadiationReading(row)]);
    }
    return listsInOrder(groups, ids);
  }
}
