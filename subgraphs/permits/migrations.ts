import type { Migration } from "../../storage/sqlite-store.js";

export const migrations: readonly Migration[] = [
  {
    description: "discharge permits",
    up: (db) =>
      db.exec(`
        CREATE TABLE permits (
          permit_number TEXT PRIMARY KEY,
          credit_code TEXT NOT NULL,
          division_code TEXT NOT NULL,
          category TEXT NOT NULL CHECK (category IN ('重点管理', '简化管理', '登记管理')),
          issued_on TEXT NOT NULL,
          valid_until TEXT NOT NULL,
          issuing_authority TEXT NOT NULL,
          pollutants TEXT NOT NULL,
          status TEXT NOT NULL CHECK (status IN ('有效', '已过期', '已注销'))
        ) STRICT;
        CREATE INDEX permits_by_enterprise ON permits(credit_code);
        CREATE INDEX permits_by_division ON permits(division_code, permit_number);
      `),
  },
];
