import type Database from "better-sqlite3";
import { demoEnterprises } from "../../demo/enterprises.js";
import { DEMO_PROVINCES } from "../../demo/provinces.js";

export function seed(db: Database.Database): void {
  const division = db.prepare("INSERT INTO divisions (code, name, level) VALUES (?, ?, ?)");
  for (const d of DEMO_PROVINCES) division.run(d.code, d.name, d.level);
  const enterprise = db.prepare(
    `INSERT INTO enterprises (credit_code, name, division_code, industry, legal_representative, address, registered_on)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const e of demoEnterprises()) {
    enterprise.run(e.creditCode, e.name, e.province.code, e.industry, e.legalRepresentative, e.address, e.registeredOn);
  }
}
