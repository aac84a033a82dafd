import { dirname } from "node:path";
import { auditMigrations } from "../../audit/migrations.js";
import { openAuditWitness } from "../../audit/open-witness.js";
import { DEFAULT_REPLICA, REPLICA_ID_ENV, type AuditWitness, type WitnessEntry } from "../../audit/witness.js";
import { REDIS_PREFIX_ENV } from "../../governance/published-state.js";
import type { UnitDefinition } from "../_kit/unit.js";
import { AuditResolver } from "./audit.resolver.js";
import { auditContext, type AuditContext } from "./context.js";
import { AuditRepository } from "./repository.js";

export interface AuditUnitOptions {
  /** Where REDIS_URL, ECOFED_REDIS_PREFIX and ECOFED_REPLICA_ID are read (process.env by default): the gateway's witness. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The gateway's Redis (REDIS_URL by default; null: the witness file beside the log). */
  readonly redisUrl?: string | null;
}

/**
 * The audit subgraph: serves the access log the gateway writes (the same SQLite file), to
 * the security team whole and to each unit for its own data (SPEC §4, CONTRACT §6), and
 * verifies it against the witness the gateway keeps outside it.
 */
export function auditUnit(options: AuditUnitOptions = {}): UnitDefinition<AuditContext> {
  return {
    code: "audit",
    title: "审计 Audit log",
    resolvers: [AuditResolver],
    references: {},
    migrations: auditMigrations,
    // The log is written by the gateway, never generated.
    seed: () => undefined,
    prepare: (db, environment) => {
      const env = options.env ?? process.env;
      const redisUrl = options.redisUrl === undefined ? env["REDIS_URL"] || null : options.redisUrl;
      // Opened at the first verification: Redis need not be up for the log to be read.
      let witness: Promise<AuditWitness> | null = null;
      const witnessEntries = async (): Promise<readonly WitnessEntry[]> => {
        witness ??= openAuditWitness({
          // The log is the data dir's audit.sqlite; its witness file lies beside it.
          dataDir: dirname(db.name),
          redisUrl,
          redisPrefix: env[REDIS_PREFIX_ENV] || "ecofed:",
          replicaId: env[REPLICA_ID_ENV] || DEFAULT_REPLICA,
        });
        const opened = witness;
        // A failed open is tried again at the next call.
        opened.catch(() => (witness = witness === opened ? null : witness));
        return (await opened).entries();
      };
      environment.onClose(async () => {
        await (await witness?.catch(() => null))?.close();
      });
      const repository = new AuditRepository(db);
      return (request) => auditContext(db, repository, environment.platformKeys ?? null, witnessEntries, request);
    },
  };
}

export const audit = auditUnit();
