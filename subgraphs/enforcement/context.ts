import DataLoader from "dataloader";
import type { InspectionRow } from "./inspection.js";
import type { PenaltyRow } from "./penalty.js";
import type { EnforcementRepository } from "./repository.js";

/** What each request of the enforcement bureau's subgraph gets: its repository and fresh loaders. */
export interface EnforcementContext {
  readonly repository: EnforcementRepository;
  /** An enterprise's penalty decisions, newest first, by credit code. */
  readonly penaltiesOfEnterprise: DataLoader<string, PenaltyRow[]>;
  /** An enterprise's inspections, newest first, by credit code. */
  readonly inspectionsOfEnterprise: DataLoader<string, InspectionRow[]>;
  readonly inspection: DataLoader<string, InspectionRow | null>;
}

export function enforcementContext(repository: EnforcementRepository): EnforcementContext {
  return {
    repository,
    penaltiesOfEnterprise: new DataLoader(async (codes) => repository.penaltiesOfEnterprises(codes)),
    inspectionsOfEnterprise: new DataLoader(async (codes) => repository.inspectionsOfEnterprises(codes)),
    inspection: new DataLoader(async (ids) => repository.inspections(ids)),
  };
}
