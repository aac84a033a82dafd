import type { GatewayExecutor } from "@apollo/server-gateway-interface";
import { GraphQLError } from "graphql";

// What Apollo's planner throws when the operation is too large for it to plan: the client's
// query to shrink, not the gateway's fault.
const PLANNER_LIMIT = /exceeds limit|reached the limit/;

/**
 * Tells what Apollo's query planner threw from anything else its executor throws, so that a
 * query the supergraph cannot be planned for is answered as vanilla answers it — with the
 * planner's message — under a code of its own, QUERY_PLANNING_FAILED, rather than masked as an
 * internal error (issue 15 §1). The gateway reports every plan it resolves (cached or built)
 * through `didResolveQueryPlan`; an executor that throws before that threw while planning.
 */
export class PlanningFailures {
  private readonly planned = new WeakSet<object>();

  /** For ApolloGateway's `experimental_didResolveQueryPlan`. */
  readonly didResolveQueryPlan = (options: { readonly requestContext: object }): void => {
    this.planned.add(options.requestContext);
  };

  wrap(executor: GatewayExecutor): GatewayExecutor {
    return async (requestContext) => {
      try {
        return await executor(requestContext);
      } catch (error) {
        if (this.planned.has(requestContext) || !(error instanceof Error)) throw error;
        const tooLarge = PLANNER_LIMIT.test(error.message);
        // The supergraph cannot serve a valid query: the operator must hear of it.
        if (!tooLarge) console.error(`ecofed: the query planner failed for operation ${requestContext.queryHash}: ${error.message}`);
        return {
          errors: [new GraphQLError(error.message, { extensions: { code: "QUERY_PLANNING_FAILED", http: { status: tooLarge ? 400 : 500 } } })],
        };
      }
    };
  }
}
