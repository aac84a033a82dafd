import type Database from "better-sqlite3";
import { groupByKey, listsInOrder, rowsInOrder } from "../_kit/batch.js";
import { shanghaiDateTime } from "../../demo/calendar.js";
import type { OutfallRow } from "./outfall.js";
import { surfaceWaterClass, type WaterBody } from "./quality-class.js";
import type { ReadingWindow } from "../_kit/reading-window.js";
import type { WaterMeasurements, WaterReadingRow } from "./water-reading.js";
import type { WaterSectionRow } from "./water-section.js";

const SECTION_COLUMNS = "id, name, river, basin, division_code AS divisionCode, target_class AS targetClass";

interface StoredReading extends WaterMeasurements {
  readonly sectionId: string;
  readonly waterBody: WaterBody;
  readonly at: number;
}

interface OutfallJoinRow {
  readonly id: string;
  readonly creditCode: string;
  readonly name: string;
  readonly receivingWater: string;
  readonly dischargeMode: string;
  readonly sectionId: string;
  readonly sectionName: string;
  readonly river: string;
  readonly basin: string;
  readonly divisionCode: string;
  readonly targetClass: string;
}

/** The water department's queries, prepared once per store. */
export class WaterRepository {
  private readonly sectionsById: Database.Statement;
  private readonly sectionList: Database.Statement;
  private readonly outfallsByEnterprise: Database.Statement;
  private readonly readingsBySection: Database.Statement;

  constructor(db: Database.Database) {
    this.sectionsById = db.prepare(
      `SELECT ${SECTION_COLUMNS} FROM water_sections WHERE id IN (SELECT value FROM json_each(?))`,
    );
    this.sectionList = db.prepare(
      `SELECT ${SECTION_COLUMNS} FROM water_sections WHERE (@division IS NULL OR division_code = @division) ORDER BY id`,
    );
    // The section rides along, so an outfall's section costs no second query.
    this.outfallsByEnterprise = db.prepare(
      `SELECT o.id, o.credit_code AS creditCode, o.name, o.receiving_water AS receivingWater,
              o.discharge_mode AS dischargeMode, s.id AS sectionId, s.name AS sectionName, s.river, s.basin,
              s.division_code AS divisionCode, s.target_class AS targetClass
       FROM outfalls o JOIN water_sections s ON s.id = o.section_id
       WHERE o.credit_code IN (SELECT value FROM json_each(?))
       ORDER BY o.credit_code, o.id`,
    );
    // The newest @last readings of each section inside [@from, @to], for all sections at once.
    this.readingsBySection = db.prepare(
      `SELECT sectionId, waterBody, at, ph, dissolvedOxygen, permanganateIndex, ammoniaNitrogen, totalPhosphorus, temperature
       FROM (
         SELECT r.section_id AS sectionId, s.water_body AS waterBody, r.at, r.ph, r.dissolved_oxygen AS dissolvedOxygen,
                r.permanganate_index AS permanganateIndex, r.ammonia_nitrogen AS ammoniaNitrogen,
                r.total_phosphorus AS totalPhosphorus, r.temperature,
                row_number() OVER (PARTITION BY r.section_id ORDER BY r.at DESC) AS n
         FROM water_readings r JOIN water_sections s ON s.id = r.section_id
         WHERE r.section_id IN (SELECT value FROM json_each(@ids)) AND r.at BETWEEN @from AND @to
       )
       WHERE n <= @last
       ORDER BY sectionId, at DESC`,
    );
  }

  sections(ids: readonly string[]): (WaterSectionRow | null)[] {
    return rowsInOrder(groupByKey<WaterSectionRow>(this.sectionsById, ids, (r) => r.id), ids);
  }

  listSections(divisionCode: string | null): WaterSectionRow[] {
    return this.sectionList.all({ division: divisionCode }) as WaterSectionRow[];
  }

  outfalls(creditCodes: readonly string[]): OutfallRow[][] {
    const groups = groupByKey<OutfallJoinRow>(this.outfallsByEnterprise, creditCodes, (r) => r.creditCode);
    return listsInOrder(groups, creditCodes).map((rows) => rows.map(toOutfall));
  }

  readings(sectionIds: readonly string[], range: ReadingWindow): WaterReadingRow[][] {
    const rows = this.readingsBySection.all({
      ids: JSON.stringify(sectionIds),
      from: range.fromMs,
      to: range.toMs,
      last: range.last,
    }) as StoredReading[];
    const groups = new Map<string, WaterReadingRow[]>();
    for (const row of rows) {
      const list = groups.get(row.sectionId);
      if (list) list.push(toReading(row));
      else groups.set(row.sectionId, [toReading(row)]);
    }
    return listsInOrder(groups, sectionIds);
  }
}

function toOutfall(row: OutfallJoinRow): OutfallRow {
  return {
    id: row.id,
    creditCode: row.creditCode,
    name: row.name,
    receivingWater: row.receivingWater,
    dischargeMode: row.dischargeMode,
    section: {
      id: row.sectionId,
      name: row.sectionName,
      river: row.river,
      basin: row.basin,
      divisionCode: row.divisionCode,
      targetClass: row.targetClass,
    },
  };
}

// The class is derived on read from the stored concentrations, never stored beside them.
function toReading(row: StoredReading): WaterReadingRow {
  return {
    at: shanghaiDateTime(row.at),
    qualityClass: surfaceWaterClass(row, row.waterBody),
    ph: row.ph,
    dissolvedOxygen: row.dissolvedOxygen,
    permanganateIndex: row.permanganateIndex,
    ammoniaNitrogen: row.ammoniaNitrogen,
    totalPhosphorus: row.totalPhosphorus,
    temperature: row.temperature,
  };
}
