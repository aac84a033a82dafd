import {
  DATA_ISSUE_KINDS,
  DATA_ISSUE_STATUSES,
  DATA_ISSUE_VERDICTS,
  type DataIssueKind as Kind,
  type DataIssueStatus as Status,
  type DataIssueVerdict as Verdict,
} from "../../governance/data-issue-workflow.js";
import type { DeadlineTask } from "../../governance/deadline-outcome.js";
import { DateScalar, DateTimeScalar } from "../../schema/scalars.js";
import { Directive, Field, ID, ObjectType } from "../_kit/type-graphql.js";
import { GOVERNANCE_SHARE } from "./governance-share.js";
import { graphqlEnum } from "./graphql-enum.js";

export const DataIssueKind = graphqlEnum("DataIssueKind", DATA_ISSUE_KINDS, "An error found, or a doubt raised (Art. 8(2)).");
export const DataIssueStatus = graphqlEnum("DataIssueStatus", DATA_ISSUE_STATUSES);
export const DataIssueVerdict = graphqlEnum("DataIssueVerdict", DATA_ISSUE_VERDICTS, "What the provider's check 校核 found (Art. 7(4)).");

export interface DataIssueRecord {
  readonly id: string;
  readonly reporter: string;
  readonly reportedBy: string;
  readonly provider: string;
  readonly coordinate: string;
  readonly recordKey: string | null;
  readonly kind: Kind;
  readonly description: string;
  readonly status: Status;
  readonly reportedAt: string;
  readonly dueBy: string;
  readonly verdict: Verdict | null;
  readonly answer: string | null;
  readonly answeredAt: string | null;
  readonly answeredBy: string | null;
}

/** An issue as a task with a deadline: the provider's answer settles it (Art. 7(4)). */
export function issueTask(issue: DataIssueRecord): DeadlineTask {
  return { dueBy: issue.dueBy, answeredAt: issue.answeredAt, withdrawnAt: null };
}

/** Art. 7(4), 8(2): a user's doubt or error report on a provider's data item or record; `overdue` and `history` are resolved per request. */
@Directive(GOVERNANCE_SHARE)
@Directive('@resource(updateFrequency: ON_CHANGE, category: "共享管理")')
@ObjectType({ description: "A doubt or error a user reports on a provider's data (Art. 8(2)); the provider checks and answers (Art. 7(4))." })
export class DataIssue {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: "The reporting unit." }) reporter!: string;
  @Field(() => String, { description: "Who reported it for the unit." }) reportedBy!: string;
  @Field(() => String, { description: "The unit whose data it is." }) provider!: string;
  @Field(() => String, { description: "The data item, Type.field." }) coordinate!: string;
  @Field(() => String, { nullable: true, description: "The record concerned (its key), if one." }) recordKey!: string | null;
  @Field(() => DataIssueKind) kind!: Kind;
  @Field(() => String) description!: string;
  @Field(() => DataIssueStatus) status!: Status;
  @Field(() => DateTimeScalar) reportedAt!: string;
  @Field(() => DateScalar, { description: "The 5th working day after the report day." }) dueBy!: string;
  @Field(() => DataIssueVerdict, { nullable: true }) verdict!: Verdict | null;
  @Field(() => String, { nullable: true }) answer!: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) answeredAt!: string | null;
  @Field(() => String, { nullable: true, description: "The provider's approver who answered." }) answeredBy!: string | null;
}
