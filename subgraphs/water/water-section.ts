import { Directive, Field, ID, ObjectType } from "../_kit/type-graphql.js";

/** The row behind a WaterSection; `division` and `readings` are resolved from it. */
export interface WaterSectionRow {
  readonly id: string;
  readonly name: string;
  readonly river: string;
  readonly basin: string;
  readonly divisionCode: string;
  readonly targetClass: string;
}

/** A surface-water monitoring cross-section (国家地表水考核断面) the department watches. */
@Directive('@key(fields: "id")')
@Directive("@share(class: UNCONDITIONAL)")
@Directive('@resource(updateFrequency: ON_CHANGE, category: "水环境管理")')
@ObjectType({ description: "A surface-water monitoring cross-section." })
export class WaterSection {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: "River (or lake) and place, e.g. \"长江 南京大桥\"." })
  name!: string | null;

  @Field(() => String, { nullable: true })
  river!: string | null;

  @Field(() => String, { nullable: true, description: "Basin as national monitoring groups it (长江, 海河, 太湖 …)." })
  basin!: string | null;

  @Field(() => String, { nullable: true, description: "Water-quality target, GB 3838-2002 class I–V." })
  targetClass!: string | null;
}
