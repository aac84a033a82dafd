import type { SharePurpose as Purpose } from "../../directives/share/rule.js";
import { GRANT_STATUSES } from "../../governance/supervision-workflow.js";
import { DateScalar, DateTimeScalar } from "../../schema/scalars.js";
import { Directive, Field, ID, ObjectType } from "../_kit/type-graphql.js";
import { GOVERNANCE_SHARE } from "./governance-share.js";
import { graphqlEnum } from "./graphql-enum.js";
import { SharePurpose } from "./share-purpose.js";

export const GrantStatus = graphqlEnum("GrantStatus", GRANT_STATUSES);

/** A grant as stored; its status depends on the day it is read. */
export interface GrantRecord {
  readonly id: string;
  readonly applicationId: string;
  readonly unit: string;
  readonly provider: string;
  readonly coordinates: readonly string[];
  readonly purpose: Purpose;
  readonly coordinated: boolean;
  readonly grantedAt: string;
  readonly validUntil: string;
  readonly revokedAt: string | null;
  readonly revokedReason: string | null;
}

/** What an approved application becomes: the gateway honours it on the very next request (CONTRACT §7). */
@Directive(GOVERNANCE_SHARE)
@Directive('@resource(updateFrequency: ON_CHANGE, category: "共享管理")')
@ObjectType({ description: "Access to fields for one purpose, made by an approved application." })
export class Grant {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: "The unit holding it." }) unit!: string;
  @Field(() => String, { description: "The unit whose fields it opens." }) provider!: string;
  @Field(() => [String]) coordinates!: string[];
  @Field(() => SharePurpose) purpose!: Purpose;
  @Field(() => DateScalar, { description: "Its last valid day (Asia/Shanghai)." }) validUntil!: string;
  @Field(() => Boolean, { description: "Made by the cac-office's coordination: only such a grant opens NOT_SHARED fields (Art. 22)." }) coordinated!: boolean;
  @Field(() => ID) applicationId!: string;
  @Field(() => DateTimeScalar) grantedAt!: string;
  @Field(() => DateTimeScalar, { nullable: true }) revokedAt!: string | null;
  @Field(() => String, { nullable: true }) revokedReason!: string | null;
}
