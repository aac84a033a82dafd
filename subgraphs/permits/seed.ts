import type Database from "better-sqlite3";
import { demoPermits } from "./demo-permits.js";

export function seed(db: Database.Database): void {
  const insert = db.prepare(
    `INSERT INTO permits (permit_number, credit_code, division_code, category, issued_on, valid_until,
       issuing_authority, pollutants, status)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const p of demoPermits()) {
    insert.run(p.permitNumber, p.creditCode, p.divisionCode, p.category, p.issuedOn, p.validUntil,
      p.issuingAuthority, JSON.stringify(p.pollutants), p.status);
  }
}
