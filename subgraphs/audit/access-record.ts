import { DateTimeScalar } from "../../schema/scalars.js";
import { Directive, Field, ID, Int, ObjectType } from "../_kit/type-graphql.js";
import { AUDIT_SHARE } from "./audit-share.js";
import { ShareClass, ShareDecision, SharePurpose } from "./share-enums.js";

/** One field decision of one request, as the security team reads it (CONTRACT §6). */
@Directive(AUDIT_SHARE)
@Directive('@resource(updateFrequency: REALTIME, category: "共享安全审计")')
@ObjectType()
export class AccessRecord {
  @Field(() => ID) id!: string;
  @Field(() => DateTimeScalar) at!: string;
  @Field(() => ID) requestId!: string;
  @Field(() => String) unit!: string;
  @Field(() => String) principal!: string;
  @Field(() => SharePurpose, { nullable: true }) purpose!: string | null;
  @Field(() => String) coordinate!: string;
  @Field(() => String) owner!: string;
  @Field(() => ShareClass, { nullable: true }) shareClass!: string | null;
  @Field(() => ShareDecision) decision!: string;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => ID, { nullable: true }) grantId!: string | null;
  @Field(() => String, { nullable: true }) operationName!: string | null;
  @Field(() => String, { nullable: true, description: "SHA-256 of the operation's text." }) operationHash!: string | null;
  @Field(() => String, { nullable: true }) clientName!: string | null;
  @Field(() => String, { nullable: true }) clientVersion!: string | null;
  @Field(() => Int, { nullable: true, description: "Values served for the coordinate (0 when denied)." }) valueCount!: number | null;
  @Field(() => String, { nullable: true }) policyVersion!: string | null;
  @Field(() => String, { nullable: true, description: "This record's link in the hash chain." }) hash!: string | null;
}
