import type { UnitDefinition } from "../_kit/unit.js";
import { AirStationResolver } from "./air-station.resolver.js";
import { atmosphereContext, type AtmosphereContext } from "./context.js";
import { Enterprise } from "./enterprise.js";
import { EnterpriseResolver } from "./enterprise.resolver.js";
import { migrations } from "./migrations.js";
import { references } from "./reference.js";
import { AtmosphereRepository } from "./repository.js";
import { seed } from "./seed.js";

/** 大气环境司: ambient air monitoring and enterprises' air emissions. */
export const atmosphere: UnitDefinition<AtmosphereContext> = {
  code: "atmosphere",
  title: "大气环境司 Atmospheric Environment",
  resolvers: [AirStationResolver, EnterpriseResolver],
  // No root field returns Enterprise here; federation reaches it through _entities.
  orphanedTypes: [Enterprise],
  references,
  migrations,
  seed,
  prepare: (db) => {
    const repository = new AtmosphereRepository(db);
    return () => atmosphereContext(repository);
  },
};
