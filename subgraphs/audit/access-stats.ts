import { DateTimeScalar } from "../../schema/scalars.js";
import { Directive, Field, Int, ObjectType, registerEnumType } from "../_kit/type-graphql.js";
import { AUDIT_SHARE } from "./audit-share.js";

export enum AccessStatsDimension {
  UNIT = "UNIT",
  OWNER = "OWNER",
  COORDINATE = "COORDINATE",
  DECISION = "DECISION",
  REASON = "REASON",
  PURPOSE = "PURPOSE",
}
export enum TimeBucket {
  HOUR = "HOUR",
  DAY = "DAY",
}
registerEnumType(AccessStatsDimension, { name: "AccessStatsDimension" });
registerEnumType(TimeBucket, { name: "TimeBucket" });

/** A count of records sharing the grouped dimensions (and time bucket): what dashboards plot. */
@Directive(AUDIT_SHARE)
@Directive('@resource(updateFrequency: REALTIME, category: "共享安全审计")')
@ObjectType()
export class AccessStatsRow {
  @Field(() => DateTimeScalar, { nullable: true, description: "Start of the hour or day (UTC), when bucketed." }) bucket!: string | null;
  @Field(() => String, { nullable: true }) unit!: string | null;
  @Field(() => String, { nullable: true }) owner!: string | null;
  @Field(() => String, { nullable: true }) coordinate!: string | null;
  @Field(() => String, { nullable: true }) decision!: string | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => String, { nullable: true }) purpose!: string | null;
  @Field(() => Int) count!: number;
}
