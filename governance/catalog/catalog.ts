import type { UpdateFrequency } from "../../directives/share/definition.js";
import type { ShareClass, ShareMask, SharePurpose } from "../../directives/share/rule.js";

/**
 * The resource catalog 政务信息资源目录 (Art. 10–14), generated from a supergraph: plain data,
 * in a fixed order (resources by name, items by coordinate), so one schema always gives the
 * same catalog, byte for byte, on any machine.
 */
export interface Catalog {
  /** SHA-256 of the canonical JSON of `resources`, `problems` and `flags`: names this catalog version (Art. 12). */
  readonly digest: string;
  readonly resources: readonly CatalogResource[];
  /** What must be fixed before the federation serves: `ecofed lint` fails and `npm start` refuses on each (Art. 11, 15). */
  readonly problems: readonly CatalogProblem[];
  /** What the leading group reviews before publishing, blocking nothing: Art. 16 exceptions (Art. 11). */
  readonly flags: readonly CatalogFlag[];
}

/** One resource: an object type of the API schema that carries data. */
export interface CatalogResource {
  readonly name: string;
  readonly description: string | null;
  /** Its classification (Art. 10), from `@resource(category:)`; an Art. 16 business-data category where it is one. */
  readonly category: string | null;
  /** From `@resource(updateFrequency:)`; null when the type has none (listed in `problems`). */
  readonly updateFrequency: UpdateFrequency | null;
  /** The lead unit (Art. 13): the unit that originates the type's key, or defines most of its fields. */
  readonly owner: string;
  /** The other units whose fields the resource holds (jointly built, Art. 13). */
  readonly contributors: readonly string[];
  /** Root query fields that return it, directly or through a connection. */
  readonly accessPoints: readonly AccessPoint[];
  readonly items: readonly DataItem[];
}

export interface AccessPoint {
  readonly coordinate: string;
  /** The field as a client calls it: `enterprise(creditCode: ID!): Enterprise`. */
  readonly signature: string;
  readonly description: string | null;
  readonly owner: string;
  readonly sharingClass: ShareClass | null;
}

/** One data item 信息项: a field of a resource. */
export interface DataItem {
  /** `Type.field`, as `@share`, the gateway's errors and the audit log name it. */
  readonly coordinate: string;
  readonly description: string | null;
  /** The unit whose data it is (CONTRACT §3). */
  readonly owner: string;
  /**
   * Frequencies are stated per resource (Art. 7(2)): the item's resource's, or, when its values
   * are another resource (`AirStation.readings`), that one's.
   */
  readonly updateFrequency: UpdateFrequency | null;
  readonly format: ItemFormat;
  /** Null: unclassified, so denied to every other unit. */
  readonly sharingClass: ShareClass | null;
  /** CONDITIONAL only: who may read it (Art. 15(2), 17), sorted. */
  readonly scope: readonly string[];
  /** Usage requirements (Art. 17); empty for NOT_SHARED and unclassified items. */
  readonly purposes: readonly SharePurpose[];
  /** CONDITIONAL only. */
  readonly conditions: ItemConditions | null;
  /** The stated legal basis (required for NOT_SHARED, Art. 18). */
  readonly basis: string | null;
  /** How a user obtains it (Art. 20–23), in words. */
  readonly sharingMethod: string;
}

export interface ItemFormat {
  /** The GraphQL type as printed: `[Penalty!]`, `String`, `DateTime!`. */
  readonly type: string;
  /** What its named type is. */
  readonly kind: TypeKind;
  readonly namedType: string;
  /** Its arguments as printed (`from: DateTime`), sorted by name. */
  readonly arguments: readonly string[];
  /** The resource its values are, through a connection if need be; null for scalars and enums. */
  readonly resource: string | null;
}

export type TypeKind = "SCALAR" | "ENUM" | "OBJECT" | "INTERFACE" | "UNION";

export interface ItemConditions {
  /** Even units in scope need an approved application (Art. 21). */
  readonly approval: boolean;
  /** PARTIAL: served masked to those out of scope. */
  readonly mask: ShareMask;
}

export type CatalogProblemCode =
  /** A field with no sharing class: denied to everyone else (Art. 15). */
  | "UNCLASSIFIED"
  /** A `@share` the spec rejects (CONTRACT §3). */
  | "INVALID_SHARE"
  /** A resource with no `@resource(updateFrequency:)` (Art. 7(2), 10). */
  | "NO_UPDATE_FREQUENCY";

export type CatalogFlagCode =
  /** Business data not shared unconditionally (Art. 16), with or without a stated basis: the leading group decides. */
  "BUSINESS_DATA_NOT_UNCONDITIONAL";

/** One finding of the catalog's checks: a problem (it blocks) or a flag (it is reviewed). */
export interface CatalogFinding<Code extends string> {
  readonly code: Code;
  /** A coordinate or a type name. */
  readonly subject: string;
  /** The unit that should act on it. */
  readonly owner: string | null;
  readonly message: string;
}

export type CatalogProblem = CatalogFinding<CatalogProblemCode>;
export type CatalogFlag = CatalogFinding<CatalogFlagCode>;
