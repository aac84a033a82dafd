import type { Migration } from "../../storage/sqlite-store.js";

export const migrations: readonly Migration[] = [
  {
    description: "air stations, hourly readings and enterprises' monthly air emissions",
    up: (db) =>
      db.exec(`
        CREATE TABLE air_stations (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          division_code TEXT NOT NULL,
          latitude REAL NOT NULL,
          longitude REAL NOT NULL
        ) STRICT;
        CREATE INDEX air_stations_by_division ON air_stations(division_code, id);
        -- One row per station-hour: at is epoch milliseconds; concentrations in µg/m³, CO in mg/m³.
        CREATE TABLE air_readings (
          station_id TEXT NOT NULL REFERENCES air_stations(id),
          at INTEGER NOT NULL,
          pm25 REAL,
          pm10 REAL,
          so2 REAL,
          no2 REAL,
          o3 REAL,
          co REAL
        ) STRICT;
        -- A station's newest readings are a backward range scan of this index.
        CREATE UNIQUE INDEX air_readings_by_station_time ON air_readings(station_id, at);
        CREATE TABLE emission_records (
          credit_code TEXT NOT NULL,
          month TEXT NOT NULL,
          pollutant TEXT NOT NULL,
          tonnes REAL NOT NULL,
          PRIMARY KEY (credit_code, month, pollutant)
        ) STRICT;
      `),
  },
];
