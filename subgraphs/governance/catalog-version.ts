import { CATALOG_VERSION_STATUSES, type CatalogVersionStatus as Status } from "../../governance/catalog-versioning.js";
import type { CatalogDiff as Diff } from "../../governance/catalog/diff-catalogs.js";
import { canonicalJson } from "../../governance/catalog/digest.js";
import { DateTimeScalar } from "../../schema/scalars.js";
import { Directive, Field, Int, ObjectType } from "../_kit/type-graphql.js";
import { CatalogChange, type CatalogChangeRecord } from "./catalog-change.js";
import { GOVERNANCE_SHARE } from "./governance-share.js";
import { graphqlEnum } from "./graphql-enum.js";

export const CatalogVersionStatus = graphqlEnum("CatalogVersionStatus", CATALOG_VERSION_STATUSES, "DRAFT until the leading group publishes it (Art. 11).");

/** A catalog version as stored, without its catalog (the `catalog` query serves that). */
export interface CatalogVersionRecord {
  readonly version: number;
  readonly supergraphVersion: number;
  readonly digest: string;
  readonly status: Status;
  readonly recordedAt: string;
  readonly publishedAt: string | null;
  readonly publishedBy: string | null;
  readonly diff: Diff | null;
}

/** A version as served: its diff typed for the schema, and the changes it made of each unit. */
export interface CatalogVersionView extends Omit<CatalogVersionRecord, "diff"> {
  readonly diff: CatalogDiff | null;
  readonly changes: readonly CatalogChangeRecord[];
}

@Directive(GOVERNANCE_SHARE)
@Directive('@resource(updateFrequency: ON_CHANGE, category: "共享管理")')
@ObjectType({ description: "One attribute of a resource or item that a version changed, from → to." })
export class CatalogAttributeChange {
  @Field(() => String, { description: "The catalog's name for it: sharingClass, purposes, updateFrequency, …" }) attribute!: string;
  @Field(() => String, { description: "The previous value, as JSON." }) from!: string;
  @Field(() => String, { description: "The next value, as JSON." }) to!: string;
}

@Directive(GOVERNANCE_SHARE)
@Directive('@resource(updateFrequency: ON_CHANGE, category: "共享管理")')
@ObjectType({ description: "A resource or item that is in both versions and differs." })
export class CatalogEntryChange {
  @Field(() => String, { description: "The resource's name or the item's coordinate." }) subject!: string;
  @Field(() => [CatalogAttributeChange]) changes!: CatalogAttributeChange[];
}

@Directive(GOVERNANCE_SHARE)
@Directive('@resource(updateFrequency: ON_CHANGE, category: "共享管理")')
@ObjectType({ description: "Resources or items a version added, removed and changed, each sorted." })
export class CatalogEntryChanges {
  @Field(() => [String]) added!: string[];
  @Field(() => [String]) removed!: string[];
  @Field(() => [CatalogEntryChange]) changed!: CatalogEntryChange[];
}

@Directive(GOVERNANCE_SHARE)
@Directive('@resource(updateFrequency: ON_CHANGE, category: "共享管理")')
@ObjectType({ description: "What a catalog version changed from the one before it (Art. 12)." })
export class CatalogDiff {
  @Field(() => String, { description: "The previous version's digest." }) from!: string;
  @Field(() => String, { description: "This version's digest." }) to!: string;
  @Field(() => CatalogEntryChanges) resources!: CatalogEntryChanges;
  @Field(() => CatalogEntryChanges, { description: "The items of added and removed resources are listed here too." }) items!: CatalogEntryChanges;
}

@Directive(GOVERNANCE_SHARE)
@Directive('@resource(updateFrequency: ON_CHANGE, category: "共享管理")')
@ObjectType({ description: "A version of the resource catalog: one per change of the federation's schemas (Art. 12), published by the leading group (Art. 11)." })
export class CatalogVersion {
  @Field(() => Int) version!: number;
  @Field(() => String) digest!: string;
  @Field(() => CatalogVersionStatus) status!: Status;
  @Field(() => Int, { description: "The recorded supergraph it was generated from." }) supergraphVersion!: number;
  @Field(() => DateTimeScalar) recordedAt!: string;
  @Field(() => DateTimeScalar, { nullable: true }) publishedAt!: string | null;
  @Field(() => String, { nullable: true, description: "Who in the leading group published it." }) publishedBy!: string | null;
  @Field(() => CatalogDiff, { nullable: true, description: "Null for the first version." }) diff!: CatalogDiff | null;
  @Field(() => [CatalogChange], { description: "What it changed of each unit, for the unit to confirm (Art. 12)." }) changes!: CatalogChange[];
}

/** A stored version as served, with the changes it made. */
export function versionView(record: CatalogVersionRecord, changes: readonly CatalogChangeRecord[]): CatalogVersionView {
  return { ...record, diff: record.diff ? diffView(record.diff) : null, changes };
}

/** The diff as the schema types it: both kinds of change under one shape, values as canonical JSON. */
function diffView(diff: Diff): CatalogDiff {
  const changes = (list: readonly { readonly attribute: string; readonly from: unknown; readonly to: unknown }[]): CatalogAttributeChange[] =>
    list.map((c) => ({ attribute: c.attribute, from: canonicalJson(c.from), to: canonicalJson(c.to) }));
  return {
    from: diff.from,
    to: diff.to,
    resources: { ...lists(diff.resources), changed: diff.resources.changed.map((c) => ({ subject: c.name, changes: changes(c.changes) })) },
    items: { ...lists(diff.items), changed: diff.items.changed.map((c) => ({ subject: c.coordinate, changes: changes(c.changes) })) },
  };
}

function lists(changes: { readonly added: readonly string[]; readonly removed: readonly string[] }): { added: string[]; removed: string[] } {
  return { added: [...changes.added], removed: [...changes.removed] };
}
