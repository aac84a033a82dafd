import type Database from "better-sqlite3";
import { demoInspections } from "./demo-inspections.js";
import { demoPenalties } from "./demo-penalties.js";

export function seed(db: Database.Database): void {
  const penalty = db.prepare(
    `INSERT INTO penalties (id, credit_code, division_code, decision_number, decided_on, violation, legal_basis,
       amount_yuan, status)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const p of demoPenalties()) {
    penalty.run(p.id, p.creditCode, p.divisionCode, p.decisionNumber, p.decidedOn, p.violation, p.legalBasis,
      p.amountYuan, p.status);
  }
  const inspection = db.prepare(
    "INSERT INTO inspections (id, credit_code, date, kind, result, inspector, informant) VALUES (?, ?, ?, ?, ?, ?, ?)",
  );
  for (const i of demoInspections()) {
    inspection.run(i.id, i.creditCode, i.date, i.kind, i.result, i.inspector, i.informant);
  }
}
