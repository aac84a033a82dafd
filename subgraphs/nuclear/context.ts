import DataLoader from "dataloader";
import type { NuclearFacilityRow } from "./nuclear-facility.js";
import type { RadiationReading } from "./radiation-reading.js";
import { windowedLoaders, type ReadingWindow } from "../_kit/reading-window.js";
import type { NuclearRepository } from "./repository.js";

/** What each request of the nuclear safety subgraph gets: its repository and fresh loaders. */
export interface NuclearContext {
  readonly repository: NuclearRepository;
  readonly facility: DataLoader<string, NuclearFacilityRow | null>;
  /** The readings loader of one argument set: facilities asking the same window share one statement. */
  readings(window: ReadingWindow): DataLoader<string, RadiationReading[]>;
}

export function nuclearContext(repository: NuclearRepository): NuclearContext {
  return {
    repository,
    facility: new DataLoader(async (ids) => repository.facilities(ids)),
    readings: windowedLoaders((ids, window) => repository.readings(ids, window)),
  };
}
