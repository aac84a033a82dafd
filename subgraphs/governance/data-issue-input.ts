import type { DataIssueKind as Kind } from "../../governance/data-issue-workflow.js";
import { Field, InputType } from "../_kit/type-graphql.js";
import { DataIssueKind } from "./data-issue.js";

@InputType({ description: "A doubt or error in another unit's data item, or one of its records (Art. 8(2))." })
export class DataIssueInput {
  @Field(() => String, { description: "The data item, Type.field, as the catalog lists it." }) coordinate!: string;
  @Field(() => String, { nullable: true, description: "The record's key (a credit code, a station code), when the issue is one record's." }) recordKey?: string | null;
  @Field(() => DataIssueKind) kind!: Kind;
  @Field(() => String) description!: string;
}
