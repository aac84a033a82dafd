import { Directive, Field, Int, ObjectType } from "../_kit/type-graphql.js";
import { PageInfo } from "../_kit/page-info.js";
import { DischargePermit } from "./discharge-permit.js";

@Directive("@share(class: UNCONDITIONAL)")
@ObjectType({ description: "A page of discharge permits, ordered by permit number." })
export class DischargePermitConnection {
  @Field(() => Int)
  totalCount!: number;

  @Field(() => [DischargePermit])
  nodes!: DischargePermit[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
