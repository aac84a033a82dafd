import { Arg, Ctx, Directive, Int, Query, Resolver } from "../_kit/type-graphql.js";
import { badUserInput } from "../../schema/errors.js";
import { DateScalar } from "../../schema/scalars.js";
import { checkDivisionCode } from "../_kit/arguments.js";
import { decodeCursor, encodeCursor, pageSize } from "../_kit/pagination.js";
import type { EnforcementContext } from "./context.js";
import { Penalty } from "./penalty.js";
import { PenaltyConnection } from "./penalty-connection.js";
import { parsePenaltyCursorKey, penaltyCursorKey } from "./penalty-cursor.js";

@Resolver(() => Penalty)
export class PenaltyResolver {
  @Directive("@share(class: UNCONDITIONAL)")
  @Query(() => PenaltyConnection, {
    description: "Penalty decisions, newest first, optionally of one province's enterprises and within a day range (inclusive).",
  })
  penalties(
    @Arg("divisionCode", () => String, { nullable: true }) divisionCode: string | null,
    @Arg("from", () => DateScalar, { nullable: true }) from: string | null,
    @Arg("to", () => DateScalar, { nullable: true }) to: string | null,
    @Arg("first", () => Int, { nullable: true }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: EnforcementContext,
  ) {
    const division = checkDivisionCode("divisionCode", divisionCode);
    if (from && to && from > to) throw badUserInput("from", `must not be after "to" (${from} > ${to})`);
    const limit = pageSize(first);
    const afterText = decodeCursor(after, (key) => parsePenaltyCursorKey(key) !== null);
    const filter = { division, from: from ?? null, to: to ?? null };
    const page = ctx.repository.penaltyPage(filter, afterText === null ? null : parsePenaltyCursorKey(afterText), limit);
    const last = page.rows[page.rows.length - 1];
    return {
      totalCount: ctx.repository.countPenalties(filter),
      nodes: page.rows,
      pageInfo: { endCursor: last ? encodeCursor(penaltyCursorKey(last)) : null, hasNextPage: page.hasNextPage },
    };
  }
}
