import { loadWorkingDayCalendar } from "../../governance/deadlines.js";
import { governanceMigrations } from "../../governance/migrations.js";
import type { UnitDefinition } from "../_kit/unit.js";
import { ApplicationResolver } from "./application.resolver.js";
import { governanceContext, type GovernanceContext } from "./context.js";
import { ExternalRequestResolver } from "./external-request.resolver.js";
import { governanceStore } from "./governance-store.js";
import { GovernanceStatePublisher } from "./state-publisher.js";
import { governanceKeys, REDIS_PREFIX_ENV } from "../../governance/published-state.js";
import { GrantResolver } from "./grant.resolver.js";
import { NotificationResolver } from "./notification.resolver.js";
import { OVERSIGHT_RESOLVERS } from "./oversight-resolvers.js";
import { SupergraphResolver } from "./supergraph.resolver.js";
import { SuspensionResolver } from "./suspension.resolver.js";

export interface GovernanceOptions {
  /** The clock; a test sets it to put a submission on the day it needs. */
  readonly now?: () => Date;
  /** Where ECOFED_HOLIDAY_CALENDARS is read (process.env by default). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Hears once per year without a holiday schedule (console by default). */
  readonly warn?: (message: string) => void;
  /** Where grants and suspensions are published for gateway replicas (REDIS_URL by default; none: the gateway reads the store). */
  readonly redisUrl?: string | null;
}

/**
 * The governance subgraph: applications, grants, suspensions and requests for external
 * resources (Art. 21–23, 29; CONTRACT §7). Its store is also read by the gateway, which
 * enforces the grants and suspensions it holds (governance/governance-state.ts).
 */
export function governanceUnit(options: GovernanceOptions = {}): UnitDefinition<GovernanceContext> {
  const now = options.now ?? (() => new Date());
  return {
    code: "governance",
    title: "治理 Governance",
    resolvers: [ApplicationResolver, GrantResolver, SuspensionResolver, NotificationResolver, ExternalRequestResolver, SupergraphResolver, ...OVERSIGHT_RESOLVERS],
    references: {},
    migrations: governanceMigrations,
    // Governance records what people decide; nothing is generated.
    seed: () => undefined,
    prepare: (db, environment) => {
      const env = options.env ?? process.env;
      // A bad holiday calendar stops the start here, before the port opens.
      const store = governanceStore(db, loadWorkingDayCalendar(env, options.warn));
      const redisUrl = options.redisUrl === undefined ? env["REDIS_URL"] || null : options.redisUrl;
      if (redisUrl) {
        const publisher = GovernanceStatePublisher.start(db, redisUrl, governanceKeys(env[REDIS_PREFIX_ENV] || undefined), now);
        environment.beforeRespond(() => publisher.publishIfChanged());
        environment.onClose(() => publisher.close());
      }
      return (request) => governanceContext(store, request, now());
    },
  };
}

export const governance = governanceUnit();
