import { Directive, Field, Float, Int, ObjectType } from "../_kit/type-graphql.js";
import { shanghaiDateTime } from "../../demo/calendar.js";
import { DateTimeScalar } from "../../schema/scalars.js";
import { hourlyAqi } from "./aqi.js";

/** A stored station-hour: what the analysers measured. */
export interface AirReadingRow {
  readonly stationId: string;
  readonly at: number;
  readonly pm25: number | null;
  readonly pm10: number | null;
  readonly so2: number | null;
  readonly no2: number | null;
  readonly o3: number | null;
  readonly co: number | null;
}

/** One hour at a station: concentrations in µg/m³ (CO in mg/m³) and the hourly AQI. */
@Directive("@share(class: UNCONDITIONAL)")
@Directive('@resource(updateFrequency: HOURLY, category: "大气环境管理")')
@ObjectType()
export class AirReading {
  @Field(() => DateTimeScalar, { description: "End of the averaging hour." })
  at!: string;

  @Field(() => Int, { nullable: true, description: "Hourly AQI (HJ 633-2012)." })
  aqi!: number | null;

  @Field(() => String, { nullable: true, description: "Null when AQI ≤ 50; ties are comma-separated." })
  primaryPollutant!: string | null;

  @Field(() => Float, { nullable: true })
  pm25!: number | null;

  @Field(() => Float, { nullable: true })
  pm10!: number | null;

  @Field(() => Float, { nullable: true })
  so2!: number | null;

  @Field(() => Float, { nullable: true })
  no2!: number | null;

  @Field(() => Float, { nullable: true })
  o3!: number | null;

  @Field(() => Float, { nullable: true, description: "mg/m³." })
  co!: number | null;
}

/** A stored hour as the schema shows it; the AQI is derived from the concentrations, not stored. */
export function toAirReading(row: AirReadingRow): AirReading {
  const { aqi, primaryPollutant } = hourlyAqi({
    "PM2.5": row.pm25,
    PM10: row.pm10,
    SO2: row.so2,
    NO2: row.no2,
    O3: row.o3,
    CO: row.co,
  });
  return {
    at: shanghaiDateTime(row.at),
    aqi,
    primaryPollutant,
    pm25: row.pm25,
    pm10: row.pm10,
    so2: row.so2,
    no2: row.no2,
    o3: row.o3,
    co: row.co,
  };
}
