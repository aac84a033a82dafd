import type Database from "better-sqlite3";
import { demoEnterprises } from "../../demo/enterprises.js";
import { airClimate } from "./air-climate.js";
import { simulateStation } from "./air-quality-model.js";
import { simulateEmissions } from "./emission-model.js";
import { READING_HOURS } from "../../demo/reading-period.js";
import { demoAirStations } from "./stations.js";
import { weatherSeries, type WeatherSeries } from "./weather-episodes.js";

export function seed(db: Database.Database): void {
  const station = db.prepare(
    "INSERT INTO air_stations (id, name, division_code, latitude, longitude) VALUES (?, ?, ?, ?, ?)",
  );
  const reading = db.prepare(
    "INSERT INTO air_readings (station_id, at, pm25, pm10, so2, no2, o3, co) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  );
  // Stations of one province share its weather, as a haze episode covers a whole region.
  const weather = new Map<string, WeatherSeries>();
  for (const s of demoAirStations()) {
    station.run(s.id, s.name, s.provinceCode, s.latitude, s.longitude);
    let series = weather.get(s.provinceCode);
    if (!series) {
      series = weatherSeries(s.provinceCode, READING_HOURS, airClimate(s.provinceCode).north);
      weather.set(s.provinceCode, series);
    }
    simulateStation(s, series, (at, pm25, pm10, so2, no2, o3, co) => reading.run(s.id, at, pm25, pm10, so2, no2, o3, co));
  }
  const emission = db.prepare("INSERT INTO emission_records (credit_code, month, pollutant, tonnes) VALUES (?, ?, ?, ?)");
  for (const e of demoEnterprises()) {
    simulateEmissions(e, airClimate(e.province.code).north, (month, pollutant, tonnes) =>
      emission.run(e.creditCode, month, pollutant, tonnes),
    );
  }
}
