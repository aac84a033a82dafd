import { PageInfo } from "../_kit/page-info.js";
import { Directive, Field, Int, ObjectType } from "../_kit/type-graphql.js";
import { AccessRecord } from "./access-record.js";
import { AUDIT_SHARE } from "./audit-share.js";

@Directive(AUDIT_SHARE)
@ObjectType({ description: "A page of access records, newest first." })
export class AccessRecordConnection {
  @Field(() => Int) totalCount!: number;
  @Field(() => [AccessRecord]) nodes!: AccessRecord[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}
