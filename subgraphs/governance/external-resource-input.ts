import type { SharePurpose as Purpose } from "../../directives/share/rule.js";
import { Field, InputType } from "../_kit/type-graphql.js";
import { SharePurpose } from "./share-purpose.js";

@InputType({ description: "Another department's resource one of our units needs (SPEC §5)." })
export class ExternalResourceInput {
  @Field(() => String, { description: "ext:<code>" }) department!: string;
  @Field(() => String) resource!: string;
  @Field(() => SharePurpose) purpose!: Purpose;
  @Field(() => String) justification!: string;
}
