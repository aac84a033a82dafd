import type { SharePurpose as Purpose } from "../../directives/share/rule.js";
import { EXTERNAL_REQUEST_STATUSES, type ExternalRequestStatus as Status } from "../../governance/external-request-workflow.js";
import { DateTimeScalar } from "../../schema/scalars.js";
import { Directive, Field, ID, ObjectType } from "../_kit/type-graphql.js";
import { GOVERNANCE_SHARE } from "./governance-share.js";
import { graphqlEnum } from "./graphql-enum.js";
import { SharePurpose } from "./share-purpose.js";

export const ExternalRequestStatus = graphqlEnum("ExternalRequestStatus", EXTERNAL_REQUEST_STATUSES);

export interface ExternalRequestRecord {
  readonly id: string;
  readonly unit: string;
  readonly requestedBy: string;
  readonly department: string;
  readonly resource: string;
  readonly purpose: Purpose;
  readonly justification: string;
  readonly status: Status;
  readonly submittedAt: string;
  readonly reason: string | null;
  readonly updatedAt: string;
}

/** SPEC §5: one of our units asks for another department's resource; the leading group reviews it. */
@Directive(GOVERNANCE_SHARE)
@Directive('@resource(updateFrequency: ON_CHANGE, category: "共享管理")')
@ObjectType({ description: "A unit's request for another department's resource, reviewed by the leading group and forwarded to the national platform." })
export class ExternalRequest {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: "The requesting unit." }) unit!: string;
  @Field(() => String) requestedBy!: string;
  @Field(() => String, { description: "The external department, ext:<code>." }) department!: string;
  @Field(() => String) resource!: string;
  @Field(() => SharePurpose) purpose!: Purpose;
  @Field(() => String) justification!: string;
  @Field(() => ExternalRequestStatus) status!: Status;
  @Field(() => DateTimeScalar) submittedAt!: string;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => DateTimeScalar) updatedAt!: string;
}
