import type { DataIssueVerdict as Verdict } from "../../governance/data-issue-workflow.js";
import { isPastDue } from "../../governance/deadline-outcome.js";
import { Arg, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from "../_kit/type-graphql.js";
import { requesterOf, type GovernanceContext } from "./context.js";
import { DataIssue, DataIssueVerdict, issueTask, type DataIssueRecord } from "./data-issue.js";
import { DataIssueFilter } from "./data-issue-filter.js";
import { DataIssueInput } from "./data-issue-input.js";
import { GovernanceEvent } from "./governance-event.js";
import { GOVERNANCE_SHARE } from "./governance-share.js";
import { visibilityOf } from "./visibility.js";

/** Art. 7(4), 8(2): users report doubts and errors in providers' data; providers check and answer. */
@Resolver(() => DataIssue)
export class DataIssueResolver {
  @Directive(GOVERNANCE_SHARE)
  @Mutation(() => DataIssue, { description: "Reports a doubt or error in another unit's data item or record (Art. 8(2)); its provider answers within 5 working days." })
  reportDataIssue(@Arg("input", () => DataIssueInput) input: DataIssueInput, @Ctx() ctx: GovernanceContext): DataIssueRecord {
    return ctx.store.oversight.feedback.report(requesterOf(ctx), input, ctx.now);
  }

  @Directive(GOVERNANCE_SHARE)
  @Mutation(() => DataIssue, { description: "The provider's approver answers with what its check found (Art. 7(4))." })
  answerDataIssue(
    @Arg("id", () => ID) id: string,
    @Arg("verdict", () => DataIssueVerdict) verdict: Verdict,
    @Arg("answer", () => String) answer: string,
    @Ctx() ctx: GovernanceContext,
  ): DataIssueRecord {
    return ctx.store.oversight.feedback.answer(requesterOf(ctx), id, verdict, answer, ctx.now);
  }

  @Directive(GOVERNANCE_SHARE)
  @Query(() => [DataIssue], { description: "Issues the requester's unit reported or must answer (all of them for the cac-office, leading group and security team), newest first." })
  dataIssues(@Arg("filter", () => DataIssueFilter, { nullable: true }) filter: DataIssueFilter | null, @Ctx() ctx: GovernanceContext): DataIssueRecord[] {
    return ctx.store.oversight.dataIssues.list(visibilityOf(requesterOf(ctx)), filter, ctx.today);
  }

  @FieldResolver(() => Boolean, { description: "Unanswered, and today (Asia/Shanghai) is past its dueBy." })
  overdue(@Root() issue: DataIssueRecord, @Ctx() ctx: GovernanceContext): boolean {
    return isPastDue(issueTask(issue), ctx.today);
  }

  @FieldResolver(() => [GovernanceEvent], { description: "Its report and its answer." })
  history(@Root() issue: DataIssueRecord, @Ctx() ctx: GovernanceContext): Promise<GovernanceEvent[]> {
    return ctx.history("DATA_ISSUE").load(issue.id);
  }
}
