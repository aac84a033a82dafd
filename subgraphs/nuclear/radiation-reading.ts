import { Directive, Field, Float, ObjectType } from "../_kit/type-graphql.js";
import { shanghaiDateTime } from "../../demo/calendar.js";
import { DateTimeScalar } from "../../schema/scalars.js";

/** A stored facility-hour. */
export interface RadiationReadingRow {
  readonly facilityId: string;
  readonly at: number;
  readonly doseRate: number | null;
}

/** One hour of a facility's fence-line ambient gamma monitor. */
@Directive("@share(class: UNCONDITIONAL)")
@Directive('@resource(updateFrequency: HOURLY, category: "核与辐射安全管理")')
@ObjectType()
export class RadiationReading {
  @Field(() => DateTimeScalar, { description: "End of the averaging hour." })
  at!: string;

  @Field(() => Float, { nullable: true, description: "Ambient gamma dose rate (air absorbed dose rate), nGy/h." })
  doseRateNanoGray!: number | null;
}

export function toRadiationReading(row: RadiationReadingRow): RadiationReading {
  return { at: shanghaiDateTime(row.at), doseRateNanoGray: row.doseRate };
}
