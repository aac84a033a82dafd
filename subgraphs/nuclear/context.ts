import DataLoader from "dataloader";
import type { NuclearFacilityRow } from "./nuclear-facility.js";
import type { RadiationReading } from "./radiation-reading.js";
import { windowKey, type ReadingWindow } from "../_kit/reading-window.js";
import type { NuclearRepository } from "./repository.js";

/** What each request of the nuclear safety subgraph gets: its repository and fresh loaders. */
export interface NuclearContext {
  readonly repository: NuclearRepository;
  readonly facility: DataLoader<string, NuclearFacilityRow | null>;
  /** The readings loader of one argument set: facilities asking the same window share one statement. */
  readings(window: ReadingWindow): DataLoader<string, RadiationReading[]>;
}

export function nuclearContext(repository: NuclearRepository): NuclearContext {
  const readingLoaders = new Map<string, DataLoader<string, RadiationReading[]>>();
  return {
    repository,
    facility: new DataLoader(async (ids) => repository.facilities(ids)),
    readings: (window) => {
      const key = windowKey(window);
      let loader = readingLoaders.get(key);
      if (!loader) {
        loader = new DataLoader(async (ids) => repository.readings(ids, window));
        readingLoaders.set(key, loader);
      }
      return loader;
    },
  };
}
