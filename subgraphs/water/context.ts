import DataLoader from "dataloader";
import type { OutfallRow } from "./outfall.js";
import { windowedLoaders, type ReadingWindow } from "../_kit/reading-window.js";
import type { WaterRepository } from "./repository.js";
import type { WaterReadingRow } from "./water-reading.js";
import type { WaterSectionRow } from "./water-section.js";

/** What each request of the water department's subgraph gets: its repository and fresh loaders. */
export interface WaterContext {
  readonly repository: WaterRepository;
  readonly section: DataLoader<string, WaterSectionRow | null>;
  readonly outfalls: DataLoader<string, OutfallRow[]>;
  /** The readings loader of one argument set; sections asked with the same window share it. */
  readings(range: ReadingWindow): DataLoader<string, WaterReadingRow[]>;
}

export function waterContext(repository: WaterRepository): WaterContext {
  return {
    repository,
    section: new DataLoader(async (ids) => repository.sections(ids)),
    outfalls: new DataLoader(async (codes) => repository.outfalls(codes)),
    readings: windowedLoaders((ids, window) => repository.readings(ids, window)),
  };
}
