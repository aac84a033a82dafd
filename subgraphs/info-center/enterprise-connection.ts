import { Directive, Field, Int, ObjectType } from "../_kit/type-graphql.js";
import { PageInfo } from "../_kit/page-info.js";
import { Enterprise } from "./enterprise.js";

@Directive("@share(class: UNCONDITIONAL)")
@ObjectType({ description: "A page of enterprises, ordered by credit code." })
export class EnterpriseConnection {
  @Field(() => Int)
  totalCount!: number;

  @Field(() => [Enterprise])
  nodes!: Enterprise[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
