import DataLoader from "dataloader";
import type { ContaminatedSiteRow } from "./contaminated-site.js";
import type { SoilRepository } from "./repository.js";

/** What each request of the soil department's subgraph gets: its repository and fresh loaders. */
export interface SoilContext {
  readonly repository: SoilRepository;
  readonly site: DataLoader<string, ContaminatedSiteRow | null>;
  /** Sites by responsible enterprise's credit code. */
  readonly enterpriseSites: DataLoader<string, ContaminatedSiteRow[]>;
}

export function soilContext(repository: SoilRepository): SoilContext {
  return {
    repository,
    site: new DataLoader(async (ids) => repository.sites(ids)),
    enterpriseSites: new DataLoader(async (codes) => repository.sitesOf(codes)),
  };
}
