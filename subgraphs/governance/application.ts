import { APPLICATION_STATUSES, type ApplicationState, type ApplicationStatus as Status } from "../../governance/application-workflow.js";
import type { SharePurpose as Purpose } from "../../directives/share/rule.js";
import { DateScalar, DateTimeScalar } from "../../schema/scalars.js";
import { Directive, Field, ID, Int, ObjectType } from "../_kit/type-graphql.js";
import { GOVERNANCE_SHARE } from "./governance-share.js";
import { graphqlEnum } from "./graphql-enum.js";
import { SharePurpose } from "./share-purpose.js";

export const ApplicationStatus = graphqlEnum("ApplicationStatus", APPLICATION_STATUSES);

/** An application as stored; the GraphQL type adds what is computed per request. */
export interface ApplicationRecord extends ApplicationState {
  readonly id: string;
  readonly submittedBy: string;
  readonly coordinates: readonly string[];
  readonly purpose: Purpose;
  readonly justification: string;
  readonly validDays: number;
  readonly submittedAt: string;
  readonly dueBy: string;
  readonly reason: string | null;
  readonly updatedAt: string;
}

/** An application for fields of one provider (Art. 21–23); `grant`, `overdue` and `history` are resolved per request. */
@Directive(GOVERNANCE_SHARE)
@Directive('@resource(updateFrequency: ON_CHANGE, category: "共享管理")')
@ObjectType({ description: "An application for access to fields of one provider (Art. 21–23)." })
export class Application {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: "The applying unit (ext:<dept> for an external department)." }) applicant!: string;
  @Field(() => String, { description: "Who filed it for the applicant." }) submittedBy!: string;
  @Field(() => String, { description: "The unit whose fields are asked for." }) provider!: string;
  @Field(() => [String], { description: "Field coordinates, Type.field." }) coordinates!: string[];
  @Field(() => SharePurpose) purpose!: Purpose;
  @Field(() => ApplicationStatus) status!: Status;
  @Field(() => String) justification!: string;
  @Field(() => Int, { description: "How many days a grant made from it lasts." }) validDays!: number;
  @Field(() => Boolean, { description: "It names a NOT_SHARED field: only the cac-office can grant it (Art. 22)." }) notShared!: boolean;
  @Field(() => Boolean, { description: "The cac-office has taken it up: its answer is final." }) escalated!: boolean;
  @Field(() => DateTimeScalar) submittedAt!: string;
  @Field(() => DateScalar, { description: "The Nth working day after the submission day: 5 for internal applicants (Art. 21), 10 for external ones (Art. 23(4))." })
  dueBy!: string;
  @Field(() => String, { nullable: true, description: "The reason given with the latest answer." }) reason!: string | null;
  @Field(() => DateTimeScalar) updatedAt!: string;
}
