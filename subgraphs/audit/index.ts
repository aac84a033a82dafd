import { auditMigrations } from "../../audit/migrations.js";
import type { UnitDefinition } from "../_kit/unit.js";
import { AuditResolver } from "./audit.resolver.js";
import { auditContext, type AuditContext } from "./context.js";
import { AuditRepository } from "./repository.js";

/**
 * The audit subgraph: serves the access log the gateway writes (the same SQLite file), to
 * the security team whole and to each unit for its own data (SPEC §4, CONTRACT §6).
 */
export const audit: UnitDefinition<AuditContext> = {
  code: "audit",
  title: "审计 Audit log",
  resolvers: [AuditResolver],
  references: {},
  migrations: auditMigrations,
  // The log is written by the gateway, never generated.
  seed: () => undefined,
  prepare: (db, environment) => {
    const repository = new AuditRepository(db);
    return (request) => auditContext(db, repository, environment.platformKeys ?? null, request);
  },
};
