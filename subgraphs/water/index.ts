import type { UnitDefinition } from "../_kit/unit.js";
import { waterContext, type WaterContext } from "./context.js";
import { Enterprise } from "./enterprise.js";
import { EnterpriseResolver } from "./enterprise.resolver.js";
import { migrations } from "./migrations.js";
import { references } from "./reference.js";
import { WaterRepository } from "./repository.js";
import { seed } from "./seed.js";
import { WaterSectionResolver } from "./water-section.resolver.js";

/** 水生态环境司: surface-water monitoring sections and enterprises' wastewater outfalls. */
export const water: UnitDefinition<WaterContext> = {
  code: "water",
  title: "水生态环境司 Water Environment",
  resolvers: [WaterSectionResolver, EnterpriseResolver],
  // Only field resolvers reach Enterprise, and type-graphql emits no type nothing returns.
  orphanedTypes: [Enterprise],
  references,
  migrations,
  seed,
  prepare: (db) => {
    const repository = new WaterRepository(db);
    return () => waterContext(repository);
  },
};
