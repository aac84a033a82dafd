import { Directive, Field, ID, ObjectType } from "../_kit/type-graphql.js";
import { WaterSection, type WaterSectionRow } from "./water-section.js";

/** The row behind an Outfall, with its section's row joined in. */
export interface OutfallRow {
  readonly id: string;
  readonly creditCode: string;
  readonly name: string;
  readonly receivingWater: string;
  readonly dischargeMode: string;
  readonly section: WaterSectionRow;
}

/** A permitted wastewater outfall (废水排放口) of an enterprise. */
@Directive("@share(class: UNCONDITIONAL)")
@Directive('@resource(updateFrequency: ON_CHANGE, category: "污染源管理")')
@ObjectType({ description: "A permitted wastewater outfall of an enterprise." })
export class Outfall {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: "Permit code and kind, e.g. \"DW001 总排口\"." })
  name!: string | null;

  @Field(() => String, { nullable: true })
  receivingWater!: string | null;

  @Field(() => String, { nullable: true, description: "直接排放 (to the water) or 间接排放 (via a treatment works)." })
  dischargeMode!: string | null;

  @Field(() => WaterSection, { nullable: true, description: "The nearest monitoring section in the same province." })
  section!: WaterSectionRow | null;
}
