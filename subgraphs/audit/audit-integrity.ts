import { Directive, Field, ID, Int, ObjectType } from "../_kit/type-graphql.js";
import { AUDIT_SHARE } from "./audit-share.js";

@Directive(AUDIT_SHARE)
@Directive('@resource(updateFrequency: REALTIME, category: "共享安全审计")')
@ObjectType({ description: "The whole chain and its signed checkpoints, re-verified on this call." })
export class AuditIntegrity {
  @Field(() => Boolean) ok!: boolean;
  @Field(() => Int) records!: number;
  @Field(() => ID, { nullable: true }) firstBrokenId!: string | null;
  @Field(() => String, { nullable: true }) problem!: string | null;
  @Field(() => [String], { description: "Every problem found (what is missing or altered), in the order checked; empty when ok." })
  problems!: readonly string[];
}
