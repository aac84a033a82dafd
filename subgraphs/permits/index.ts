import type { UnitDefinition } from "../_kit/unit.js";
import { permitsContext, type PermitsContext } from "./context.js";
import { DischargePermitResolver } from "./discharge-permit.resolver.js";
import { Enterprise } from "./enterprise.js";
import { EnterpriseResolver } from "./enterprise.resolver.js";
import { migrations } from "./migrations.js";
import { references } from "./reference.js";
import { PermitsRepository } from "./repository.js";
import { seed } from "./seed.js";

/** 排污许可: issues and keeps discharge permits (排污许可管理条例). */
export const permits: UnitDefinition<PermitsContext> = {
  code: "permits",
  title: "排污许可 Discharge Permits",
  resolvers: [EnterpriseResolver, DischargePermitResolver],
  // Nothing on Query returns an Enterprise here; it is in the schema for the fields it adds.
  orphanedTypes: [Enterprise],
  references,
  migrations,
  seed,
  prepare: (db) => {
    const repository = new PermitsRepository(db);
    return () => permitsContext(repository);
  },
};
