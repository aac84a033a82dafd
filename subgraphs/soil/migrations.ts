import type { Migration } from "../../storage/sqlite-store.js";

export const migrations: readonly Migration[] = [
  {
    description: "contaminated sites",
    up: (db) =>
      db.exec(`
        CREATE TABLE contaminated_sites (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL UNIQUE,
          division_code TEXT NOT NULL,
          credit_code TEXT,
          land_use TEXT NOT NULL,
          risk_level TEXT NOT NULL CHECK (risk_level IN ('高', '中', '低')),
          pollutants TEXT NOT NULL CHECK (json_valid(pollutants) AND json_type(pollutants) = 'array'),
          area_square_metres REAL NOT NULL CHECK (area_square_metres > 0),
          status TEXT NOT NULL CHECK (status IN ('初步调查', '详细调查', '风险评估', '风险管控', '治理修复', '修复完成')),
          listed_on TEXT NOT NULL
        ) STRICT;
        CREATE INDEX contaminated_sites_by_division ON contaminated_sites(division_code, id);
        CREATE INDEX contaminated_sites_by_enterprise ON contaminated_sites(credit_code, id);
      `),
  },
];
