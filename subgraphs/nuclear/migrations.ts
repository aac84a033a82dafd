import type { Migration } from "../../storage/sqlite-store.js";

export const migrations: readonly Migration[] = [
  {
    description: "nuclear facilities and their hourly ambient gamma dose rates",
    up: (db) =>
      db.exec(`
        CREATE TABLE nuclear_facilities (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          kind TEXT NOT NULL,
          operator TEXT NOT NULL,
          division_code TEXT NOT NULL,
          status TEXT NOT NULL,
          units INTEGER NOT NULL,
          physical_protection_plan TEXT NOT NULL
        ) STRICT;
        -- One row per facility-hour: at is epoch milliseconds, dose_rate in nGy/h.
        CREATE TABLE radiation_readings (
          facility_id TEXT NOT NULL REFERENCES nuclear_facilities(id),
          at INTEGER NOT NULL,
          dose_rate REAL
        ) STRICT;
        -- A facility's newest readings are a backward range scan of this index.
        CREATE UNIQUE INDEX radiation_readings_by_facility_time ON radiation_readings(facility_id, at);
      `),
  },
];
