import DataLoader from "dataloader";
import type { AirReading } from "./air-reading.js";
import type { AirStationRow } from "./air-station.js";
import type { EmissionRecord } from "./emission-record.js";
import { windowedLoaders, type ReadingWindow } from "../_kit/reading-window.js";
import type { AtmosphereRepository } from "./repository.js";

/** What each request of the atmosphere subgraph gets: its repository and fresh loaders. */
export interface AtmosphereContext {
  readonly repository: AtmosphereRepository;
  readonly station: DataLoader<string, AirStationRow | null>;
  readonly emissions: DataLoader<string, EmissionRecord[]>;
  /** The readings loader of one argument set: stations asking the same window share one statement. */
  readings(window: ReadingWindow): DataLoader<string, AirReading[]>;
}

export function atmosphereContext(repository: AtmosphereRepository): AtmosphereContext {
  return {
    repository,
    station: new DataLoader(async (ids) => repository.stations(ids)),
    emissions: new DataLoader(async (codes) => repository.emissions(codes)),
    readings: windowedLoaders((ids, window) => repository.readings(ids, window)),
  };
}
