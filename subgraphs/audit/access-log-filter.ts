import { DateTimeScalar } from "../../schema/scalars.js";
import { Field, ID, InputType } from "../_kit/type-graphql.js";
import { ShareDecision, SharePurpose } from "./share-enums.js";

@InputType({ description: "Every given condition must hold." })
export class AccessLogFilter {
  @Field(() => String, { nullable: true }) unit?: string | null;
  @Field(() => String, { nullable: true }) owner?: string | null;
  @Field(() => String, { nullable: true }) coordinate?: string | null;
  @Field(() => ShareDecision, { nullable: true }) decision?: string | null;
  @Field(() => SharePurpose, { nullable: true }) purpose?: string | null;
  @Field(() => ID, { nullable: true }) requestId?: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: "From this instant, inclusive." }) from?: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: "Before this instant." }) to?: string | null;
}
