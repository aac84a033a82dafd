import type { UnitDefinition } from "../_kit/unit.js";
import { infoCenterContext, type InfoCenterContext } from "./context.js";
import { DivisionResolver } from "./division.resolver.js";
import { EnterpriseResolver } from "./enterprise.resolver.js";
import { migrations } from "./migrations.js";
import { references } from "./reference.js";
import { InfoCenterRepository } from "./repository.js";
import { seed } from "./seed.js";

/** 部信息中心: runs the platform and owns base data — enterprises and divisions (Art. 9, 14). */
export const infoCenter: UnitDefinition<InfoCenterContext> = {
  code: "info-center",
  title: "部信息中心 Information Centre",
  resolvers: [EnterpriseResolver, DivisionResolver],
  references,
  migrations,
  seed,
  prepare: (db) => {
    const repository = new InfoCenterRepository(db);
    return () => infoCenterContext(repository);
  },
};
