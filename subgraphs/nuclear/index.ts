import type { UnitDefinition } from "../_kit/unit.js";
import { nuclearContext, type NuclearContext } from "./context.js";
import { migrations } from "./migrations.js";
import { NuclearFacilityResolver } from "./nuclear-facility.resolver.js";
import { references } from "./reference.js";
import { NuclearRepository } from "./repository.js";
import { seed } from "./seed.js";

/** 核电安全监管司: licensed nuclear facilities and the radiation around them. */
export const nuclear: UnitDefinition<NuclearContext> = {
  code: "nuclear",
  title: "核电安全监管司 Nuclear Safety",
  resolvers: [NuclearFacilityResolver],
  references,
  migrations,
  seed,
  prepare: (db) => {
    const repository = new NuclearRepository(db);
    return () => nuclearContext(repository);
  },
};
