import type { UnitDefinition } from "../_kit/unit.js";
import { ContaminatedSiteResolver } from "./contaminated-site.resolver.js";
import { soilContext, type SoilContext } from "./context.js";
import { EnterpriseResolver } from "./enterprise.resolver.js";
import { migrations } from "./migrations.js";
import { references } from "./reference.js";
import { SoilRepository } from "./repository.js";
import { seed } from "./seed.js";

/** 土壤生态环境司: the construction-land soil pollution risk control and remediation list. */
export const soil: UnitDefinition<SoilContext> = {
  code: "soil",
  title: "土壤生态环境司 Soil Environment",
  resolvers: [ContaminatedSiteResolver, EnterpriseResolver],
  references,
  migrations,
  seed,
  prepare: (db) => {
    const repository = new SoilRepository(db);
    return () => soilContext(repository);
  },
};
