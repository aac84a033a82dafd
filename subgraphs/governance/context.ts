import DataLoader from "dataloader";
import { shanghaiDay } from "../../governance/deadlines.js";
import type { AssertedRequester } from "../../schema/request-assertion.js";
import type { UnitRequest } from "../_kit/unit.js";
import { forbidden } from "./governance-errors.js";
import type { GovernanceEvent, GovernanceSubjectName } from "./governance-event.js";
import type { GovernanceStore } from "./governance-store.js";
import type { GrantRecord } from "./grant.js";

/** What each request of the governance subgraph gets: the store, who asks, one instant for the whole request, loaders. */
export interface GovernanceContext {
  readonly store: GovernanceStore;
  readonly requester: AssertedRequester | null;
  readonly now: Date;
  /** `now`'s day in Asia/Shanghai: what deadlines, expiry and suspensions are measured in. */
  readonly today: string;
  readonly grantOfApplication: DataLoader<string, GrantRecord | null>;
  history(subject: GovernanceSubjectName): DataLoader<string, GovernanceEvent[]>;
}

export function governanceContext(store: GovernanceStore, request: UnitRequest, now: Date): GovernanceContext {
  const histories = new Map<GovernanceSubjectName, DataLoader<string, GovernanceEvent[]>>();
  return {
    store,
    requester: request.requester,
    now,
    today: shanghaiDay(now),
    grantOfApplication: new DataLoader(async (ids) => store.grants.byApplications(ids)),
    history: (subject) => {
      let loader = histories.get(subject);
      if (!loader) {
        loader = new DataLoader(async (ids) => store.events.history(subject, ids));
        histories.set(subject, loader);
      }
      return loader;
    },
  };
}

/** Who asks; governance answers only a requester the gateway vouched for. */
export function requesterOf(ctx: GovernanceContext): AssertedRequester {
  if (!ctx.requester) throw forbidden("governance answers only requests the gateway signed for an authenticated requester");
  return ctx.requester;
}
