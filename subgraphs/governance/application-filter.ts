import type { ApplicationStatus as Status } from "../../governance/application-workflow.js";
import { DateTimeScalar } from "../../schema/scalars.js";
import { Field, InputType } from "../_kit/type-graphql.js";
import { ApplicationStatus } from "./application.js";

@InputType({ description: "Every given condition must hold; rows are those the requester may see." })
export class ApplicationFilter {
  @Field(() => [ApplicationStatus], { nullable: true, description: "Any of these statuses." }) status?: Status[] | null;
  @Field(() => String, { nullable: true }) applicant?: string | null;
  @Field(() => String, { nullable: true }) provider?: string | null;
  @Field(() => String, { nullable: true, description: "Applicant or provider." }) unit?: string | null;
  @Field(() => String, { nullable: true, description: "Asks for this field (Type.field)." }) coordinate?: string | null;
  @Field(() => Boolean, { nullable: true, description: "Past its dueBy while still awaiting an answer that has a deadline." }) overdue?: boolean | null;
  @Field(() => DateTimeScalar, { nullable: true, description: "Submitted from this instant, inclusive." }) submittedFrom?: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: "Submitted before this instant." }) submittedTo?: string | null;
}
