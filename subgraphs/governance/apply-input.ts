import type { SharePurpose as Purpose } from "../../directives/share/rule.js";
import { Field, InputType, Int } from "../_kit/type-graphql.js";
import { SharePurpose } from "./share-purpose.js";

@InputType({ description: "Fields of one provider, the purpose they are needed for and why (Art. 21)." })
export class ApplyInput {
  @Field(() => [String], { description: "Field coordinates, Type.field, all of one provider." }) coordinates!: string[];
  @Field(() => SharePurpose) purpose!: Purpose;
  @Field(() => String) justification!: string;
  @Field(() => Int, { nullable: true, description: "How many days a grant lasts: 1–1095, default 365." }) validDays?: number | null;
}
