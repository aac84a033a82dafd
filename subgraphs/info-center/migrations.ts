import type { Migration } from "../../storage/sqlite-store.js";

export const migrations: readonly Migration[] = [
  {
    description: "divisions and enterprises",
    up: (db) =>
      db.exec(`
        CREATE TABLE divisions (
          code TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          level INTEGER NOT NULL
        ) STRICT;
        CREATE TABLE enterprises (
          credit_code TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          division_code TEXT NOT NULL REFERENCES divisions(code),
          industry TEXT NOT NULL,
          legal_representative TEXT NOT NULL,
          address TEXT NOT NULL,
          registered_on TEXT NOT NULL
        ) STRICT;
        CREATE INDEX enterprises_by_division ON enterprises(division_code, credit_code);
      `),
  },
];
