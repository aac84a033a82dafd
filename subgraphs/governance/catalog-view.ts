import type { UpdateFrequency as Frequency } from "../../directives/share/definition.js";
import type { ShareClass as Class } from "../../directives/share/rule.js";
import type { CatalogFlag as Flag, CatalogProblem as Problem, CatalogResource as Resource } from "../../governance/catalog/catalog.js";
import type { CatalogVersionStatus as Status } from "../../governance/catalog-versioning.js";
import { DateTimeScalar } from "../../schema/scalars.js";
import { Directive, Field, Int, ObjectType } from "../_kit/type-graphql.js";
import { CatalogItem, type CatalogItemView } from "./catalog-item.js";
import { CatalogVersionStatus } from "./catalog-version.js";
import { GOVERNANCE_SHARE } from "./governance-share.js";
import { ShareClass, UpdateFrequency } from "./share-enums.js";

/** A catalog as served: one version's resources, each item with the requester's access. */
export interface CatalogView {
  readonly version: number;
  readonly digest: string;
  readonly status: Status;
  readonly published: boolean;
  readonly recordedAt: string;
  readonly publishedAt: string | null;
  readonly resources: readonly (Omit<Resource, "items"> & { readonly items: readonly CatalogItemView[] })[];
  readonly problems: readonly Problem[];
  readonly flags: readonly Flag[];
}

@Directive(GOVERNANCE_SHARE)
@Directive('@resource(updateFrequency: ON_CHANGE, category: "共享管理")')
@ObjectType({ description: "A root field that returns a resource." })
export class CatalogAccessPoint {
  @Field(() => String) coordinate!: string;
  @Field(() => String, { description: "The field as a client calls it." }) signature!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => String) owner!: string;
  @Field(() => ShareClass, { nullable: true }) sharingClass!: Class | null;
}

@Directive(GOVERNANCE_SHARE)
@Directive('@resource(updateFrequency: ON_CHANGE, category: "共享管理")')
@ObjectType({ description: "A finding of the catalog's checks, which the leading group sees before publishing (Art. 11): under `problems` it blocks, under `flags` it is reviewed." })
export class CatalogProblem {
  @Field(() => String, { description: "Problems: UNCLASSIFIED, INVALID_SHARE or NO_UPDATE_FREQUENCY. Flags: BUSINESS_DATA_NOT_UNCONDITIONAL." }) code!: string;
  @Field(() => String, { description: "A coordinate or a type name." }) subject!: string;
  @Field(() => String, { nullable: true, description: "The unit that should act on it." }) owner!: string | null;
  @Field(() => String) message!: string;
}

@Directive(GOVERNANCE_SHARE)
@Directive('@resource(updateFrequency: ON_CHANGE, category: "共享管理")')
@ObjectType({ description: "A resource 政务信息资源 of the catalog (Art. 10): an object type that carries data." })
export class CatalogResource {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => String, { nullable: true, description: "Its classification (Art. 10)." }) category!: string | null;
  @Field(() => UpdateFrequency, { nullable: true }) updateFrequency!: Frequency | null;
  @Field(() => String, { description: "The lead unit (Art. 13)." }) owner!: string;
  @Field(() => [String], { description: "Other units whose fields it holds (jointly built, Art. 13)." }) contributors!: string[];
  @Field(() => [CatalogAccessPoint]) accessPoints!: CatalogAccessPoint[];
  @Field(() => [CatalogItem]) items!: CatalogItem[];
}

@Directive(GOVERNANCE_SHARE)
@Directive('@resource(updateFrequency: ON_CHANGE, category: "共享管理")')
@ObjectType({ description: "The resource catalog 政务信息资源目录 (Art. 10–14): the version published last, or the latest draft before any is." })
export class Catalog {
  @Field(() => Int) version!: number;
  @Field(() => String, { description: "SHA-256 of the catalog's content." }) digest!: string;
  @Field(() => CatalogVersionStatus) status!: Status;
  @Field(() => Boolean, { description: "False for a draft: shown only while no version is published yet (Art. 11), or when asked for by number." }) published!: boolean;
  @Field(() => DateTimeScalar) recordedAt!: string;
  @Field(() => DateTimeScalar, { nullable: true }) publishedAt!: string | null;
  @Field(() => [CatalogResource]) resources!: CatalogResource[];
  @Field(() => [CatalogProblem], { description: "What must be fixed: `ecofed lint` fails and `npm start` refuses on each." }) problems!: CatalogProblem[];
  @Field(() => [CatalogProblem], { description: "What the leading group reviews, blocking nothing: Art. 16 business data classed other than UNCONDITIONAL." }) flags!: CatalogProblem[];
}
