import { DateTimeScalar } from "../../schema/scalars.js";
import { Directive, Field, ID, ObjectType } from "../_kit/type-graphql.js";
import { GOVERNANCE_SHARE } from "./governance-share.js";

export interface OutcomeRecord {
  readonly id: string;
  readonly reporter: string;
  readonly reportedBy: string;
  readonly coordinates: readonly string[];
  readonly providers: readonly string[];
  readonly description: string;
  readonly benefit: string | null;
  readonly reportedAt: string;
}

/** Art. 8(3): what a user achieved with shared data 应用成效, told to the units that shared it. */
@Directive(GOVERNANCE_SHARE)
@Directive('@resource(updateFrequency: ON_CHANGE, category: "共享管理")')
@ObjectType({ description: "An outcome a user achieved with shared data (Art. 8(3))." })
export class Outcome {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: "The reporting unit." }) reporter!: string;
  @Field(() => String, { description: "Who reported it for the unit." }) reportedBy!: string;
  @Field(() => [String], { description: "The shared data items used, Type.field." }) coordinates!: string[];
  @Field(() => [String], { description: "The units that own them." }) providers!: string[];
  @Field(() => String) description!: string;
  @Field(() => String, { nullable: true, description: "The benefit, in the reporter's words (time saved, cases solved, …)." }) benefit!: string | null;
  @Field(() => DateTimeScalar) reportedAt!: string;
}
