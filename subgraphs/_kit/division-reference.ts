import { Directive, Field, ID, ObjectType } from "./type-graphql.js";

/**
 * A reference to an info-centre division by its GB/T 2260 code. Units return it as a
 * stub `{ code }`; the gateway fetches name and level from the info centre.
 */
@Directive('@key(fields: "code", resolvable: false)')
@Directive("@share(class: UNCONDITIONAL)")
@ObjectType("AdministrativeDivision")
export class DivisionReference {
  @Field(() => ID)
  code!: string;
}
