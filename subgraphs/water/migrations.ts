import type { Migration } from "../../storage/sqlite-store.js";

export const migrations: readonly Migration[] = [
  {
    description: "water sections, readings and outfalls",
    up: (db) =>
      db.exec(`
        CREATE TABLE water_sections (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL UNIQUE,
          river TEXT NOT NULL,
          basin TEXT NOT NULL,
          water_body TEXT NOT NULL CHECK (water_body IN ('河流', '湖库')),
          division_code TEXT NOT NULL,
          target_class TEXT NOT NULL CHECK (target_class IN ('I', 'II', 'III', 'IV', 'V'))
        ) STRICT;
        CREATE INDEX water_sections_by_division ON water_sections(division_code, id);

        -- at: epoch milliseconds, so any RFC 3339 offset in from/to compares correctly.
        -- The primary key is the (section_id, at) index the readings batch walks.
        CREATE TABLE water_readings (
          section_id TEXT NOT NULL REFERENCES water_sections(id),
          at INTEGER NOT NULL,
          ph REAL NOT NULL,
          dissolved_oxygen REAL NOT NULL,
          permanganate_index REAL NOT NULL,
          ammonia_nitrogen REAL NOT NULL,
          total_phosphorus REAL NOT NULL,
          temperature REAL NOT NULL,
          PRIMARY KEY (section_id, at)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE outfalls (
          id TEXT PRIMARY KEY,
          credit_code TEXT NOT NULL,
          name TEXT NOT NULL,
          receiving_water TEXT NOT NULL,
          discharge_mode TEXT NOT NULL CHECK (discharge_mode IN ('直接排放', '间接排放')),
          section_id TEXT NOT NULL REFERENCES water_sections(id)
        ) STRICT;
        CREATE INDEX outfalls_by_enterprise ON outfalls(credit_code, id);
      `),
  },
];
