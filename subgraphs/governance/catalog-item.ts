import type { ShareClass as Class, SharePurpose as Purpose } from "../../directives/share/rule.js";
import type { UpdateFrequency as Frequency } from "../../directives/share/definition.js";
import type { ApplicationStatus as Status } from "../../governance/application-workflow.js";
import type { DataItem } from "../../governance/catalog/catalog.js";
import type { ItemAccess as Access } from "../../governance/catalog-access.js";
import { Directive, Field, Int, ObjectType } from "../_kit/type-graphql.js";
import { ApplicationStatus } from "./application.js";
import { GOVERNANCE_SHARE } from "./governance-share.js";
import { SharePurpose } from "./share-purpose.js";
import { ShareClass, ShareDecision, ShareMask, UpdateFrequency } from "./share-enums.js";

/** A catalog item as served: the catalog's entry and the requester's access to it now. */
export interface CatalogItemView extends DataItem {
  readonly access: Access;
}

@Directive(GOVERNANCE_SHARE)
@Directive('@resource(updateFrequency: REALTIME, category: "共享管理")')
@ObjectType({ description: "How to obtain an item one cannot read now: apply to its provider (CONTRACT §4's apply)." })
export class HowToApply {
  @Field(() => String, { description: "The item's owner." }) provider!: string;
  @Field(() => [String]) coordinates!: string[];
  @Field(() => String, { description: "The mutation that files the application." }) mutation!: string;
  @Field(() => ApplicationStatus, {
    description: "Where the application starts: PENDING (the provider's approver, Art. 21), ESCALATED (the cac-office, Art. 22) or AWAITING_ENDORSEMENT (the leading group, Art. 23(4)).",
  })
  firstStatus!: Status;
  @Field(() => Int, { description: "Working days the answer may take." }) workingDays!: number;
}

@Directive(GOVERNANCE_SHARE)
@Directive('@resource(updateFrequency: REALTIME, category: "共享管理")')
@ObjectType({ description: "What the gateway would decide for the requester, its purpose, grants and suspension, right now (CONTRACT §4)." })
export class ItemAccess {
  @Field(() => ShareDecision) decision!: string;
  @Field(() => String, { description: "CONTRACT §4's reason (OWN_DATA, SHARED, GRANTED, OUT_OF_SCOPE, …); NOT_SERVED for an item the federation no longer serves." })
  reason!: string;
  @Field(() => HowToApply, { nullable: true, description: "Null when allowed, or when no application could change the decision." }) apply!: HowToApply | null;
}

@Directive(GOVERNANCE_SHARE)
@Directive('@resource(updateFrequency: ON_CHANGE, category: "共享管理")')
@ObjectType({ description: "A data item's format (Art. 10)." })
export class CatalogItemFormat {
  @Field(() => String, { description: "The GraphQL type as printed: [Penalty!], String." }) type!: string;
  @Field(() => String, { description: "SCALAR, ENUM, OBJECT, INTERFACE or UNION." }) kind!: string;
  @Field(() => String) namedType!: string;
  @Field(() => [String], { description: "Its arguments as printed, by name." }) arguments!: string[];
  @Field(() => String, { nullable: true, description: "The resource its values are, if any." }) resource!: string | null;
}

@Directive(GOVERNANCE_SHARE)
@Directive('@resource(updateFrequency: ON_CHANGE, category: "共享管理")')
@ObjectType({ description: "A CONDITIONAL item's conditions (Art. 15(2), 21)." })
export class CatalogItemConditions {
  @Field(() => Boolean, { description: "Even units in scope need an approved application." }) approval!: boolean;
  @Field(() => ShareMask, { description: "PARTIAL: served masked to those out of scope." }) mask!: string;
}

@Directive(GOVERNANCE_SHARE)
@Directive('@resource(updateFrequency: ON_CHANGE, category: "共享管理")')
@ObjectType({ description: "A data item 信息项 of the resource catalog (Art. 10), with the requester's access to it." })
export class CatalogItem {
  @Field(() => String, { description: "Type.field." }) coordinate!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => String, { description: "The unit whose data it is." }) owner!: string;
  @Field(() => UpdateFrequency, { nullable: true }) updateFrequency!: Frequency | null;
  @Field(() => CatalogItemFormat) format!: CatalogItemFormat;
  @Field(() => ShareClass, { nullable: true, description: "Null: unclassified, denied to every other unit." }) sharingClass!: Class | null;
  @Field(() => [String], { description: "CONDITIONAL only: who may read it." }) scope!: string[];
  @Field(() => [SharePurpose], { description: "Usage requirements (Art. 17)." }) purposes!: Purpose[];
  @Field(() => CatalogItemConditions, { nullable: true }) conditions!: CatalogItemConditions | null;
  @Field(() => String, { nullable: true, description: "The legal basis (Art. 18)." }) basis!: string | null;
  @Field(() => String, { description: "How a user obtains it (Art. 20–23)." }) sharingMethod!: string;
  @Field(() => ItemAccess, { description: "Whether the requester can read it now, and if not, how to apply." }) access!: ItemAccess;
}
