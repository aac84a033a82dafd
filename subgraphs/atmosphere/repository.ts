import type Database from "better-sqlite3";
import { groupByKey, listsInOrder, rowsInOrder } from "../_kit/batch.js";
import { toAirReading, type AirReading, type AirReadingRow } from "./air-reading.js";
import type { AirStationRow } from "./air-station.js";
import type { EmissionRecord, EmissionRow } from "./emission-record.js";
import type { ReadingWindow } from "../_kit/reading-window.js";

const STATION_COLUMNS = "id, name, division_code AS divisionCode, latitude, longitude";

/** The atmosphere unit's queries, prepared once per store. */
export class AtmosphereRepository {
  private readonly stationsById: Database.Statement;
  private readonly stationList: Database.Statement;
  private readonly readingsByStation: Database.Statement;
  private readonly emissionsByCode: Database.Statement;

  constructor(db: Database.Database) {
    this.stationsById = db.prepare(
      `SELECT ${STATION_COLUMNS} FROM air_stations WHERE id IN (SELECT value FROM json_each(?))`,
    );
    this.stationList = db.prepare(
      `SELECT ${STATION_COLUMNS} FROM air_stations WHERE (@division IS NULL OR division_code = @division) ORDER BY id`,
    );
    // Per station, the newest `last` rows in the window: a correlated LIMIT over the
    // (station_id, at) index, so all stations of a batch are one statement.
    this.readingsByStation = db.prepare(
      `SELECT r.station_id AS stationId, r.at, r.pm25, r.pm10, r.so2, r.no2, r.o3, r.co
       FROM json_each(@ids) AS k
       JOIN air_readings AS r ON r.rowid IN (
         SELECT rowid FROM air_readings
         WHERE station_id = k.value AND at BETWEEN @from AND @to
         ORDER BY at DESC LIMIT @last)
       ORDER BY k.key, r.at DESC`,
    );
    // Rows were written month by month in pollutant order, so rowid order is report order.
    this.emissionsByCode = db.prepare(
      `SELECT credit_code AS creditCode, month, pollutant, tonnes FROM emission_records
       WHERE credit_code IN (SELECT value FROM json_each(?)) ORDER BY rowid`,
    );
  }

  stations(ids: readonly string[]): (AirStationRow | null)[] {
    return rowsInOrder(groupByKey<AirStationRow>(this.stationsById, ids, (r) => r.id), ids);
  }

  listStations(division: string | null): AirStationRow[] {
    return this.stationList.all({ division }) as AirStationRow[];
  }

  readings(ids: readonly string[], window: ReadingWindow): AirReading[][] {
    const groups = new Map<string, AirReading[]>();
    const rows = this.readingsByStation.all({
      ids: JSON.stringify(ids),
      from: window.fromMs,
      to: window.toMs,
      last: window.last,
    }) as AirReadingRow[];
    for (const row of rows) {
      const list = groups.get(row.stationId);
      if (list) list.push(toAirReading(row));
      else groups.set(row.stationId, [toAirReading(row)]);
    }
    return listsInOrder(groups, ids);
  }

  emissions(codes: readonly string[]): EmissionRecord[][] {
    return listsInOrder(groupByKey<EmissionRow>(this.emissionsByCode, codes, (r) => r.creditCode), codes);
  }
}
