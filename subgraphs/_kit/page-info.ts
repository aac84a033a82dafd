import { Directive, Field, ObjectType } from "./type-graphql.js";

/** Cursor pagination state; shareable, so every unit's connections may return it. */
@Directive("@shareable")
@Directive("@share(class: UNCONDITIONAL)")
@ObjectType({ description: "Where a page ends and whether another follows." })
export class PageInfo {
  @Field(() => String, { nullable: true })
  endCursor!: string | null;

  @Field(() => Boolean)
  hasNextPage!: boolean;
}
