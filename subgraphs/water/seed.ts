import type Database from "better-sqlite3";
import { demoEnterprises } from "../../demo/enterprises.js";
import { demoOutfalls } from "./demo-outfalls.js";
import { demoReadings } from "./demo-readings.js";
import { demoSections, type DemoSection } from "./demo-sections.js";
import { PROVINCE_WATERS } from "./province-waters.js";

export function seed(db: Database.Database): void {
  const section = db.prepare(
    `INSERT INTO water_sections (id, name, river, basin, water_body, division_code, target_class)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const reading = db.prepare(
    `INSERT INTO water_readings (section_id, at, ph, dissolved_oxygen, permanganate_index, ammonia_nitrogen, total_phosphorus, temperature)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const outfall = db.prepare(
    `INSERT INTO outfalls (id, credit_code, name, receiving_water, discharge_mode, section_id) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const byProvince = new Map<string, DemoSection[]>();
  for (const s of demoSections()) {
    section.run(s.id, s.name, s.river, s.basin, s.body, s.divisionCode, s.targetClass);
    const temperature = PROVINCE_WATERS[s.divisionCode]!.octoberTemperature;
    for (const r of demoReadings(s, temperature)) {
      reading.run(s.id, r.at, r.ph, r.dissolvedOxygen, r.permanganateIndex, r.ammoniaNitrogen, r.totalPhosphorus, r.temperature);
    }
    const list = byProvince.get(s.divisionCode);
    if (list) list.push(s);
    else byProvince.set(s.divisionCode, [s]);
  }
  for (const e of demoEnterprises()) {
    if (!e.media.includes("water")) continue;
    for (const o of demoOutfalls(e, byProvince.get(e.province.code)!)) {
      outfall.run(o.id, o.creditCode, o.name, o.receivingWater, o.dischargeMode, o.sectionId);
    }
  }
}
