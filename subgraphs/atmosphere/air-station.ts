import { Directive, Field, Float, ID, ObjectType } from "../_kit/type-graphql.js";

/** The row behind an AirStation. */
export interface AirStationRow {
  readonly id: string;
  readonly name: string;
  readonly divisionCode: string;
  readonly latitude: number;
  readonly longitude: number;
}

/** A national air quality monitoring station (国控空气质量监测点); division and readings are resolved. */
@Directive('@key(fields: "id")')
@Directive("@share(class: UNCONDITIONAL)")
@Directive('@resource(updateFrequency: ON_CHANGE, category: "大气环境管理")')
@ObjectType()
export class AirStation {
  @Field(() => ID, { description: "Network site code, e.g. 1001A." })
  id!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => Float, { nullable: true, description: "WGS 84 latitude, degrees." })
  latitude!: number | null;

  @Field(() => Float, { nullable: true, description: "WGS 84 longitude, degrees." })
  longitude!: number | null;
}
