import type { PolicyIndex } from "../../directives/share/supergraph-policies.js";
import type { TypeKind } from "./catalog.js";
import type { ResourceMetadata } from "./resource-metadata.js";

/** What building one resource needs to know of the whole supergraph, read once. */
export interface CatalogContext {
  readonly policies: PolicyIndex;
  readonly kinds: ReadonlyMap<string, TypeKind>;
  /** The resource a named type's values are, through a connection; null for none. */
  readonly resourceOf: (namedType: string) => string | null;
  /** Every resource's `@resource`, by type name. */
  readonly metadata: ReadonlyMap<string, ResourceMetadata>;
}
