import type { UnitDefinition } from "../_kit/unit.js";
import { enforcementContext, type EnforcementContext } from "./context.js";
import { Enterprise } from "./enterprise.js";
import { EnterpriseResolver } from "./enterprise.resolver.js";
import { InspectionResolver } from "./inspection.resolver.js";
import { migrations } from "./migrations.js";
import { PenaltyResolver } from "./penalty.resolver.js";
import { references } from "./reference.js";
import { EnforcementRepository } from "./repository.js";
import { seed } from "./seed.js";

/** 执法局: inspects enterprises and decides administrative penalties (环境保护法 第二十四条, 第五十九条). */
export const enforcement: UnitDefinition<EnforcementContext> = {
  code: "enforcement",
  title: "执法局 Enforcement Bureau",
  resolvers: [EnterpriseResolver, PenaltyResolver, InspectionResolver],
  // Nothing on Query returns an Enterprise here; it is in the schema for the fields it adds.
  orphanedTypes: [Enterprise],
  references,
  migrations,
  seed,
  prepare: (db) => {
    const repository = new EnforcementRepository(db);
    return () => enforcementContext(repository);
  },
};
