import { isSharePurpose } from "../../directives/share/rule.js";
import type { FieldEntry } from "../../directives/share/supergraph-policies.js";
import type { Catalog, CatalogFinding } from "../../governance/catalog/catalog.js";
import { itemAccess, type AccessRequester } from "../../governance/catalog-access.js";
import type { AssertedRequester } from "../../schema/request-assertion.js";
import type { CatalogVersionRecord } from "./catalog-version.js";
import type { CatalogVersionRepository } from "./catalog-version-repository.js";
import type { CatalogView } from "./catalog-view.js";
import { catalogUnavailable, notFound } from "./governance-errors.js";
import type { GrantRepository } from "./grant-repository.js";
import type { SupergraphCatalog } from "./supergraph-catalog.js";
import { isActive, type SuspensionRepository } from "./suspension-repository.js";

/** Which part of which version: every given condition must hold. */
export interface CatalogQuery {
  readonly version?: number | null;
  /** Items this unit owns. */
  readonly unit?: string | null;
  /** One resource, by name. */
  readonly resource?: string | null;
}

/**
 * The catalog as one requester sees it: the version published last (else the latest draft),
 * each item with whether the gateway would serve it to them now — decided under the policies
 * of the supergraph it serves, the requester's active grants and suspension — and how to
 * apply when not.
 */
export class CatalogReader {
  constructor(
    private readonly versions: CatalogVersionRepository,
    private readonly supergraphs: SupergraphCatalog,
    private readonly grants: GrantRepository,
    private readonly suspensions: SuspensionRepository,
  ) {}

  read(requester: AssertedRequester, query: CatalogQuery, today: string): CatalogView {
    const record = this.versionOf(query.version);
    const served = this.supergraphs.current();
    if (!served) throw catalogUnavailable();
    const who = this.accessRequester(requester, today);
    const { catalog } = this.versions.catalogOf(record.version);
    const fieldsOf = new Map<string, FieldEntry[]>();
    for (const entry of served.index.fields.values()) {
      const type = entry.coordinate.slice(0, entry.coordinate.indexOf("."));
      fieldsOf.set(type, [...(fieldsOf.get(type) ?? []), entry]);
    }
    return {
      version: record.version,
      digest: record.digest,
      status: record.status,
      published: record.status === "PUBLISHED",
      recordedAt: record.recordedAt,
      publishedAt: record.publishedAt,
      resources: selectResources(catalog, query).map((resource) => ({
        ...resource,
        items: resource.items.map((item) => ({
          ...item,
          access: itemAccess(item, served.index.fields.get(item.coordinate), who, item.format.kind === "OBJECT" ? (fieldsOf.get(item.format.namedType) ?? []) : []),
        })),
      })),
      problems: selectFindings(catalog.problems, query),
      flags: selectFindings(catalog.flags, query),
    };
  }

  private versionOf(version: number | null | undefined): CatalogVersionRecord {
    if (version === null || version === undefined) {
      const shown = this.versions.latestPublished() ?? this.versions.latest();
      if (!shown) throw catalogUnavailable();
      return shown;
    }
    const record = this.versions.get(version);
    if (!record) throw notFound("version", "catalog version", String(version));
    return record;
  }

  private accessRequester(requester: AssertedRequester, today: string): AccessRequester {
    const suspension = this.suspensions.latestOf(requester.unit);
    return {
      requester,
      purpose: requester.purpose !== null && isSharePurpose(requester.purpose) ? requester.purpose : null,
      grants: this.grants.list({ kind: "party", unit: requester.unit }, { unit: requester.unit, status: ["ACTIVE"] }, today),
      suspended: suspension !== null && isActive(suspension, today),
    };
  }
}

// A finding's subject is a type name or a Type.field coordinate; its owner the unit to act.
function selectFindings<F extends CatalogFinding<string>>(findings: readonly F[], query: CatalogQuery): F[] {
  const { unit, resource } = query;
  return findings.filter((p) => (!unit || p.owner === unit) && (!resource || p.subject === resource || p.subject.startsWith(`${resource}.`)));
}

function selectResources(catalog: Catalog, query: CatalogQuery): Catalog["resources"] {
  const { unit, resource } = query;
  return catalog.resources
    .filter((r) => !resource || r.name === resource)
    .map((r) => (unit ? { ...r, items: r.items.filter((i) => i.owner === unit) } : r))
    .filter((r) => r.items.length > 0);
}
