import type { SharePurpose as Purpose } from "../../directives/share/rule.js";
import type { GrantStatus as Status } from "../../governance/supervision-workflow.js";
import { Field, ID, InputType } from "../_kit/type-graphql.js";
import { GrantStatus } from "./grant.js";
import { SharePurpose } from "./share-purpose.js";

@InputType({ description: "Every given condition must hold; rows are those the requester may see." })
export class GrantFilter {
  @Field(() => [GrantStatus], { nullable: true, description: "Any of these statuses." }) status?: Status[] | null;
  @Field(() => String, { nullable: true, description: "The holder." }) unit?: string | null;
  @Field(() => String, { nullable: true }) provider?: string | null;
  @Field(() => String, { nullable: true, description: "Opens this field (Type.field)." }) coordinate?: string | null;
  @Field(() => SharePurpose, { nullable: true }) purpose?: Purpose | null;
  @Field(() => ID, { nullable: true }) applicationId?: string | null;
}
