import { Directive, Field, ID, ObjectType } from "../_kit/type-graphql.js";
import { GovernanceEvent } from "./governance-event.js";
import { GOVERNANCE_SHARE } from "./governance-share.js";

/** A transition a unit is told about: the applicant and the provider hear of every step. */
@Directive(GOVERNANCE_SHARE)
@Directive('@resource(updateFrequency: REALTIME, category: "共享管理")')
@ObjectType({ description: "A governance transition addressed to a unit: applicant and provider hear of every step of an application." })
export class Notification {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: "The unit it is addressed to." }) unit!: string;
  @Field(() => Boolean) read!: boolean;
  @Field(() => GovernanceEvent) event!: GovernanceEvent;
}
