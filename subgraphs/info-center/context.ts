import DataLoader from "dataloader";
import type { AdministrativeDivision } from "./division.js";
import type { EnterpriseRow } from "./enterprise.js";
import type { InfoCenterRepository } from "./repository.js";

/** What each request of the info centre's subgraph gets: its repository and fresh loaders. */
export interface InfoCenterContext {
  readonly repository: InfoCenterRepository;
  readonly enterprise: DataLoader<string, EnterpriseRow | null>;
  readonly division: DataLoader<string, AdministrativeDivision | null>;
}

export function infoCenterContext(repository: InfoCenterRepository): InfoCenterContext {
  return {
    repository,
    enterprise: new DataLoader(async (codes) => repository.enterprises(codes)),
    division: new DataLoader(async (codes) => repository.divisions(codes)),
  };
}
