import { Arg, Ctx, Directive, Int, Mutation, Resolver } from "../_kit/type-graphql.js";
import { requesterOf, type GovernanceContext } from "./context.js";
import { forbidden } from "./governance-errors.js";
import { GOVERNANCE_SHARE } from "./governance-share.js";

/** The gateway hands governance each supergraph it composes; applications are checked against the latest. */
@Resolver()
export class SupergraphResolver {
  @Directive("@inaccessible")
  @Directive(GOVERNANCE_SHARE)
  @Mutation(() => Int, { description: "Records the supergraph the gateway serves (the platform only); its version, the same for the same SDL." })
  recordSupergraph(@Arg("sdl", () => String) sdl: string, @Ctx() ctx: GovernanceContext): number {
    // Only a platform assertion, a JWT type no user request can carry, is the gateway acting for itself.
    if (requesterOf(ctx).kind !== "platform") throw forbidden("only the platform records the supergraph");
    return ctx.store.oversight.catalogService.recordSupergraph(requesterOf(ctx), sdl, ctx.now);
  }
}
