import { Directive, Field, Int, ObjectType } from "../_kit/type-graphql.js";
import { PageInfo } from "../_kit/page-info.js";
import { Penalty } from "./penalty.js";

@Directive("@share(class: UNCONDITIONAL)")
@ObjectType({ description: "A page of penalty decisions, newest first." })
export class PenaltyConnection {
  @Field(() => Int)
  totalCount!: number;

  @Field(() => [Penalty])
  nodes!: Penalty[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
