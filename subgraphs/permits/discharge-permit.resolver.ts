import { Arg, Ctx, Directive, FieldResolver, ID, Int, Query, Resolver, Root } from "../_kit/type-graphql.js";
import { badUserInput } from "../../schema/errors.js";
import { checkDivisionCode } from "../_kit/arguments.js";
import { decodeCursor, encodeCursor, pageSize } from "../_kit/pagination.js";
import type { PermitsContext } from "./context.js";
import { DischargePermit, type DischargePermitRow } from "./discharge-permit.js";
import { DischargePermitConnection } from "./discharge-permit-connection.js";
import { Enterprise } from "./enterprise.js";
import { permitNumberProblem } from "./permit-number.js";

@Resolver(() => DischargePermit)
export class DischargePermitResolver {
  @Directive("@share(class: UNCONDITIONAL)")
  @Query(() => DischargePermit, { nullable: true, description: "A discharge permit by number; null when none was issued." })
  permit(@Arg("permitNumber", () => ID) permitNumber: string, @Ctx() ctx: PermitsContext): Promise<DischargePermitRow | null> {
    const problem = permitNumberProblem(permitNumber);
    if (problem) throw badUserInput("permitNumber", `is not a discharge permit number: ${problem}`);
    return ctx.permit.load(permitNumber);
  }

  @Directive("@share(class: UNCONDITIONAL)")
  @Query(() => DischargePermitConnection, { description: "Discharge permits by number, optionally of one province's enterprises." })
  permits(
    @Arg("divisionCode", () => String, { nullable: true }) divisionCode: string | null,
    @Arg("first", () => Int, { nullable: true }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: PermitsContext,
  ) {
    const division = checkDivisionCode("divisionCode", divisionCode);
    const limit = pageSize(first);
    const afterKey = decodeCursor(after, (key) => permitNumberProblem(key) === null);
    const page = ctx.repository.permitPage(division, afterKey, limit);
    const last = page.rows[page.rows.length - 1];
    return {
      totalCount: ctx.repository.countPermits(division),
      nodes: page.rows,
      pageInfo: { endCursor: last ? encodeCursor(last.permitNumber) : null, hasNextPage: page.hasNextPage },
    };
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: "The permit holder (the info centre resolves it)." })
  enterprise(@Root() permit: DischargePermitRow): Enterprise {
    return { creditCode: permit.creditCode };
  }
}
