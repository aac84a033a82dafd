import type { Migration } from "../../storage/sqlite-store.js";

export const migrations: readonly Migration[] = [
  {
    description: "penalty decisions and inspections",
    up: (db) =>
      db.exec(`
        CREATE TABLE penalties (
          id TEXT PRIMARY KEY,
          credit_code TEXT NOT NULL,
          division_code TEXT NOT NULL,
          decision_number TEXT NOT NULL UNIQUE,
          decided_on TEXT NOT NULL,
          violation TEXT NOT NULL,
          legal_basis TEXT NOT NULL,
          amount_yuan REAL NOT NULL CHECK (amount_yuan > 0),
          status TEXT NOT NULL CHECK (status IN ('已执行', '执行中', '行政复议中'))
        ) STRICT;
        CREATE INDEX penalties_by_enterprise ON penalties(credit_code);
        CREATE INDEX penalties_by_day ON penalties(decided_on, id);
        CREATE INDEX penalties_by_division ON penalties(division_code, decided_on, id);
        CREATE TABLE inspections (
          id TEXT PRIMARY KEY,
          credit_code TEXT NOT NULL,
          date TEXT NOT NULL,
          kind TEXT NOT NULL,
          result TEXT NOT NULL CHECK (result IN ('未发现问题', '责令改正', '立案查处')),
          inspector TEXT NOT NULL,
          informant TEXT CHECK (informant IS NULL OR kind = '信访举报核查')
        ) STRICT;
        CREATE INDEX inspections_by_enterprise ON inspections(credit_code);
      `),
  },
];
