import type { GatewayExecutor, GatewayGraphQLRequestContext } from "@apollo/server-gateway-interface";
import { describe, expect, it } from "vitest";
import { PlanningFailures } from "../../gateway/enforcement/planning-failures.js";

const context = (): GatewayGraphQLRequestContext => ({ queryHash: "h" }) as unknown as GatewayGraphQLRequestContext;

describe("what the planner throws", () => {
  it.each([
    ["a plan it cannot find: the gateway's fault", "Was not able to find any options for year: This shouldn't have happened.", 500],
    ["an operation too large to plan: the client's", "Number of non-local selections exceeds limit of 100000", 400],
    ["too many options", "Too many options generated for x, reached the limit of 10000", 400],
  ])("%s → QUERY_PLANNING_FAILED %s", async (_what, message, status) => {
    const planning = new PlanningFailures();
    const result = await planning.wrap(async () => {
      throw new Error(message);
    })(context());
    const [error] = result.errors ?? [];
    expect(error?.message).toBe(message);
    expect(error?.extensions).toEqual({ code: "QUERY_PLANNING_FAILED", http: { status } });
  });

  it("is told from an error thrown once the plan was resolved, which stays unexpected", async () => {
    const planning = new PlanningFailures();
    const executor: GatewayExecutor = async (requestContext) => {
      planning.didResolveQueryPlan({ requestContext });
      throw new Error("boom while executing");
    };
    await expect(planning.wrap(executor)(context())).rejects.toThrow("boom while executing");
  });
});
