import type Database from "better-sqlite3";
import { demoSites } from "./demo-sites.js";

export function seed(db: Database.Database): void {
  const site = db.prepare(
    `INSERT INTO contaminated_sites
       (id, name, division_code, credit_code, land_use, risk_level, pollutants, area_square_metres, status, listed_on)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const s of demoSites()) {
    site.run(s.id, s.name, s.divisionCode, s.creditCode, s.landUse, s.riskLevel, JSON.stringify(s.pollutants),
      s.areaSquareMetres, s.status, s.listedOn);
  }
}
