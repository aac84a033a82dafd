import { Arg, Ctx, Directive, FieldResolver, ID, Int, Query, Resolver, Root } from "../_kit/type-graphql.js";
import { creditCodeProblem } from "../../domain/credit-code.js";
import { checkCreditCode, checkDivisionCode } from "../_kit/arguments.js";
import { decodeCursor, encodeCursor, pageSize } from "../_kit/pagination.js";
import type { InfoCenterContext } from "./context.js";
import { AdministrativeDivision } from "./division.js";
import { Enterprise, type EnterpriseRow } from "./enterprise.js";
import { EnterpriseConnection } from "./enterprise-connection.js";

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @Directive("@share(class: UNCONDITIONAL)")
  @Query(() => Enterprise, { nullable: true, description: "An enterprise by credit code; null when none is registered." })
  enterprise(@Arg("creditCode", () => ID) creditCode: string, @Ctx() ctx: InfoCenterContext): Promise<EnterpriseRow | null> {
    return ctx.enterprise.load(checkCreditCode("creditCode", creditCode));
  }

  @Directive("@share(class: UNCONDITIONAL)")
  @Query(() => EnterpriseConnection, { description: "Enterprises by credit code, optionally in one division." })
  enterprises(
    @Arg("divisionCode", () => String, { nullable: true }) divisionCode: string | null,
    @Arg("first", () => Int, { nullable: true }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: InfoCenterContext,
  ) {
    const division = checkDivisionCode("divisionCode", divisionCode);
    const limit = pageSize(first);
    const afterKey = decodeCursor(after, (key) => creditCodeProblem(key) === null);
    const page = ctx.repository.enterprisePage(division, afterKey, limit);
    const last = page.rows[page.rows.length - 1];
    return {
      totalCount: ctx.repository.countEnterprises(division),
      nodes: page.rows,
      pageInfo: { endCursor: last ? encodeCursor(last.creditCode) : null, hasNextPage: page.hasNextPage },
    };
  }

  @FieldResolver(() => AdministrativeDivision, { nullable: true })
  division(@Root() enterprise: EnterpriseRow, @Ctx() ctx: InfoCenterContext) {
    return ctx.division.load(enterprise.divisionCode);
  }
}
