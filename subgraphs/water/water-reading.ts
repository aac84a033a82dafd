import { Directive, Field, Float, ObjectType } from "../_kit/type-graphql.js";
import { DateTimeScalar } from "../../schema/scalars.js";

/** What an automatic station measures, in every form a reading takes (generated, stored, served). */
export interface WaterMeasurements {
  readonly ph: number;
  readonly dissolvedOxygen: number;
  readonly permanganateIndex: number;
  readonly ammoniaNitrogen: number;
  readonly totalPhosphorus: number;
  readonly temperature: number;
}

/** One automatic-station reading as the API returns it. */
export interface WaterReadingRow extends WaterMeasurements {
  readonly at: string;
  readonly qualityClass: string;
}

@Directive("@share(class: UNCONDITIONAL)")
@Directive('@resource(updateFrequency: EVERY_4_HOURS, category: "水环境管理")')
@ObjectType({ description: "A 4-hourly reading of a section's automatic monitoring station." })
export class WaterReading {
  @Field(() => DateTimeScalar)
  at!: string;

  @Field(() => String, { nullable: true, description: "GB 3838-2002 class by the single-factor method: I, II, III, IV, V or 劣V." })
  qualityClass!: string | null;

  @Field(() => Float, { nullable: true })
  ph!: number | null;

  @Field(() => Float, { nullable: true, description: "Dissolved oxygen, mg/L." })
  dissolvedOxygen!: number | null;

  @Field(() => Float, { nullable: true, description: "Permanganate index (CODMn), mg/L." })
  permanganateIndex!: number | null;

  @Field(() => Float, { nullable: true, description: "Ammonia nitrogen (NH3-N), mg/L." })
  ammoniaNitrogen!: number | null;

  @Field(() => Float, { nullable: true, description: "Total phosphorus (as P), mg/L." })
  totalPhosphorus!: number | null;

  @Field(() => Float, { nullable: true, description: "Water temperature, °C." })
  temperature!: number | null;
}
