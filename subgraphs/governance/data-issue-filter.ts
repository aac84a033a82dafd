import type { DataIssueKind as Kind, DataIssueStatus as Status } from "../../governance/data-issue-workflow.js";
import { Field, InputType } from "../_kit/type-graphql.js";
import { DataIssueKind, DataIssueStatus } from "./data-issue.js";

@InputType({ description: "Every given condition must hold; rows are those the requester may see." })
export class DataIssueFilter {
  @Field(() => [DataIssueStatus], { nullable: true, description: "Any of these statuses." }) status?: Status[] | null;
  @Field(() => DataIssueKind, { nullable: true }) kind?: Kind | null;
  @Field(() => String, { nullable: true }) reporter?: string | null;
  @Field(() => String, { nullable: true }) provider?: string | null;
  @Field(() => String, { nullable: true, description: "Reporter or provider." }) unit?: string | null;
  @Field(() => String, { nullable: true, description: "On this data item (Type.field)." }) coordinate?: string | null;
  @Field(() => Boolean, { nullable: true, description: "Unanswered past its dueBy." }) overdue?: boolean | null;
}
