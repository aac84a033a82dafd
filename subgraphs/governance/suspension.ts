import { DateScalar, DateTimeScalar } from "../../schema/scalars.js";
import { Directive, Field, ID, ObjectType } from "../_kit/type-graphql.js";
import { GOVERNANCE_SHARE } from "./governance-share.js";

export interface SuspensionRecord {
  readonly id: string;
  readonly unit: string;
  readonly reason: string;
  readonly since: string;
  readonly until: string;
  readonly liftedAt: string | null;
  readonly liftReason: string | null;
}

/** Art. 29: a suspended unit is served nothing but its own data, for 6 months unless lifted. */
@Directive(GOVERNANCE_SHARE)
@Directive('@resource(updateFrequency: ON_CHANGE, category: "共享管理")')
@ObjectType({ description: "A unit's suspension from sharing (Art. 29)." })
export class Suspension {
  @Field(() => ID) id!: string;
  @Field(() => String) unit!: string;
  @Field(() => String) reason!: string;
  @Field(() => DateTimeScalar) since!: string;
  @Field(() => DateScalar, { description: "Its last day (Asia/Shanghai): 6 calendar months after the day it began." }) until!: string;
  @Field(() => DateTimeScalar, { nullable: true }) liftedAt!: string | null;
  @Field(() => String, { nullable: true }) liftReason!: string | null;
}
