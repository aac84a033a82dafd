import type Database from "better-sqlite3";
import { simulateDoseRate } from "./dose-rate-model.js";
import { DEMO_NUCLEAR_FACILITIES } from "./facilities.js";
import { protectionPlan } from "./protection-plans.js";

export function seed(db: Database.Database): void {
  const facility = db.prepare(
    `INSERT INTO nuclear_facilities (id, name, kind, operator, division_code, status, units, physical_protection_plan)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const reading = db.prepare("INSERT INTO radiation_readings (facility_id, at, dose_rate) VALUES (?, ?, ?)");
  for (const f of DEMO_NUCLEAR_FACILITIES) {
    facility.run(f.id, f.name, f.kind, f.operator, f.provinceCode, f.status, f.units, protectionPlan(f));
    simulateDoseRate(f, (at, doseRate) => reading.run(f.id, at, doseRate));
  }
}
