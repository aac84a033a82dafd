import { DateTimeScalar } from "../../schema/scalars.js";
import { Directive, Field, ID, ObjectType } from "../_kit/type-graphql.js";
import { GOVERNANCE_SHARE } from "./governance-share.js";
import { graphqlEnum } from "./graphql-enum.js";

export const GOVERNANCE_SUBJECTS = ["APPLICATION", "GRANT", "SUSPENSION", "EXTERNAL_REQUEST", "CATALOG_VERSION", "CATALOG_CHANGE", "DATA_ISSUE", "OUTCOME"] as const;
export type GovernanceSubjectName = (typeof GOVERNANCE_SUBJECTS)[number];
export const GovernanceSubject = graphqlEnum("GovernanceSubject", GOVERNANCE_SUBJECTS, "What a governance event happened to.");

export const GOVERNANCE_ACTIONS = [
  "APPLY", "DECIDE", "ESCALATE", "COORDINATE", "ENDORSE", "WITHDRAW", "REVOKE", "SUSPEND", "LIFT", "REQUEST", "REVIEW",
  "RECORD", "PUBLISH", "CONFIRM", "REPORT", "ANSWER",
] as const;
export type GovernanceActionName = (typeof GOVERNANCE_ACTIONS)[number];
export const GovernanceAction = graphqlEnum("GovernanceAction", GOVERNANCE_ACTIONS);

/** One transition, as recorded in the same transaction as the change itself. */
@Directive(GOVERNANCE_SHARE)
@Directive('@resource(updateFrequency: REALTIME, category: "共享管理")')
@ObjectType({ description: "One transition of an application, grant, suspension or external request: who, when, from and to, why." })
export class GovernanceEvent {
  @Field(() => ID) id!: string;
  @Field(() => GovernanceSubject) subject!: GovernanceSubjectName;
  @Field(() => ID) subjectId!: string;
  @Field(() => GovernanceAction) action!: GovernanceActionName;
  @Field(() => String, { nullable: true, description: "The status before; null when the object was created." }) from!: string | null;
  @Field(() => String, { description: "The status after." }) to!: string;
  @Field(() => String, { description: "The acting unit." }) unit!: string;
  @Field(() => String, { description: "The acting person or system." }) principal!: string;
  @Field(() => ID, { description: "The request that made it: its audit records carry the same id (CONTRACT §2)." }) requestId!: string;
  @Field(() => DateTimeScalar) at!: string;
  @Field(() => String, { nullable: true }) reason!: string | null;
}
