import { Field, InputType } from "../_kit/type-graphql.js";

@InputType({ description: "What was achieved with which shared data items (Art. 8(3))." })
export class OutcomeInput {
  @Field(() => [String], { description: "Other units' data items, Type.field, as the catalog lists them." }) coordinates!: string[];
  @Field(() => String) description!: string;
  @Field(() => String, { nullable: true }) benefit?: string | null;
}
