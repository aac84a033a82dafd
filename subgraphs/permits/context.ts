import DataLoader from "dataloader";
import type { DischargePermitRow } from "./discharge-permit.js";
import type { PermitsRepository } from "./repository.js";

/** What each request of the permit unit's subgraph gets: its repository and fresh loaders. */
export interface PermitsContext {
  readonly repository: PermitsRepository;
  /** An enterprise's current permit, by credit code. */
  readonly permitOfEnterprise: DataLoader<string, DischargePermitRow | null>;
  readonly permit: DataLoader<string, DischargePermitRow | null>;
}

export function permitsContext(repository: PermitsRepository): PermitsContext {
  return {
    repository,
    permitOfEnterprise: new DataLoader(async (codes) => repository.permitsOfEnterprises(codes)),
    permit: new DataLoader(async (numbers) => repository.permits(numbers)),
  };
}
