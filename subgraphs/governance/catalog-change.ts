import { CATALOG_CHANGE_STATUSES, type CatalogChangeStatus as Status } from "../../governance/catalog-versioning.js";
import { DateScalar, DateTimeScalar } from "../../schema/scalars.js";
import { Directive, Field, ID, Int, ObjectType } from "../_kit/type-graphql.js";
import { GOVERNANCE_SHARE } from "./governance-share.js";
import { graphqlEnum } from "./graphql-enum.js";

export const CatalogChangeStatus = graphqlEnum("CatalogChangeStatus", CATALOG_CHANGE_STATUSES);

export interface CatalogChangeRecord {
  readonly id: string;
  readonly version: number;
  readonly unit: string;
  readonly subjects: readonly string[];
  readonly changedAt: string;
  readonly dueBy: string;
  readonly status: Status;
  readonly confirmedAt: string | null;
  readonly confirmedBy: string | null;
}

/** Art. 12: what a catalog version changed of one unit, which the unit confirms within 15 working days. */
@Directive(GOVERNANCE_SHARE)
@Directive('@resource(updateFrequency: ON_CHANGE, category: "共享管理")')
@ObjectType({ description: "What a catalog version changed of one unit's entries; its approver confirms the unit's catalog is up to date (Art. 12)." })
export class CatalogChange {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: "The catalog version that made the change." }) version!: number;
  @Field(() => String) unit!: string;
  @Field(() => [String], { description: "Its resources and items the version added, removed or changed." }) subjects!: string[];
  @Field(() => DateTimeScalar) changedAt!: string;
  @Field(() => DateScalar, { description: "The 15th working day after the change day (Art. 12)." }) dueBy!: string;
  @Field(() => CatalogChangeStatus) status!: Status;
  @Field(() => DateTimeScalar, { nullable: true }) confirmedAt!: string | null;
  @Field(() => String, { nullable: true, description: "The approver who confirmed it." }) confirmedBy!: string | null;
}
