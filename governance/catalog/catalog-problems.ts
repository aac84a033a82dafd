import type { ObjectTypeDefinitionNode } from "graphql";
import { ownerOf, type PolicyIndex } from "../../directives/share/supergraph-policies.js";
import { businessDataFlags } from "./business-data.js";
import type { CatalogFinding, CatalogFlag, CatalogProblem, CatalogResource } from "./catalog.js";
import { byCodePoint } from "./code-point-order.js";

export interface ProblemInput {
  readonly resources: readonly CatalogResource[];
  /** Every API object type: roots and connections too, whose unclassified fields are denied as well. */
  readonly objectTypes: readonly ObjectTypeDefinitionNode[];
  readonly policies: PolicyIndex;
}

/** The catalog's problems, which block: by subject then code. */
export function catalogProblems({ resources, objectTypes, policies }: ProblemInput): CatalogProblem[] {
  const invalid = policies.problems.map((text) => invalidShare(text, policies));
  const reported = new Set(invalid.map((p) => p.subject));
  // An unreadable @share leaves its field unclassified: one problem for it is enough.
  const unclassified = unclassifiedFields(resources, objectTypes, policies).filter((p) => !reported.has(p.subject));
  return inOrder([...invalid, ...unclassified, ...missingFrequency(resources)]);
}

/** The catalog's flags, which the leading group reviews: by subject then code. */
export function catalogFlags(resources: readonly CatalogResource[]): CatalogFlag[] {
  return inOrder(businessDataFlags(resources));
}

function inOrder<F extends CatalogFinding<string>>(findings: F[]): F[] {
  return findings.sort((a, b) => byCodePoint(a.subject, b.subject) || byCodePoint(a.code, b.code));
}

/** supergraph-policies words its problems `<coordinate or type>: <what is wrong>`. */
function invalidShare(text: string, policies: PolicyIndex): CatalogProblem {
  const split = text.indexOf(": ");
  const subject = split < 0 ? "" : text.slice(0, split);
  const entry = policies.fields.get(subject);
  return { code: "INVALID_SHARE", subject, owner: entry ? ownerOf(entry, null) : null, message: split < 0 ? text : text.slice(split + 2) };
}

function unclassifiedFields(resources: readonly CatalogResource[], objectTypes: readonly ObjectTypeDefinitionNode[], policies: PolicyIndex): CatalogProblem[] {
  const itemOwners = new Map(resources.flatMap((r) => r.items.map((i) => [i.coordinate, i.owner] as const)));
  return objectTypes.flatMap((type) =>
    (type.fields ?? []).flatMap((field): CatalogProblem[] => {
      const subject = `${type.name.value}.${field.name.value}`;
      const entry = policies.fields.get(subject);
      if (entry?.rule) return [];
      const owner = itemOwners.get(subject) ?? (entry ? ownerOf(entry, null) : null);
      return [{ code: "UNCLASSIFIED", subject, owner, message: "has no @share: unclassified, so it is denied to every other unit (Art. 15)" }];
    }),
  );
}

function missingFrequency(resources: readonly CatalogResource[]): CatalogProblem[] {
  return resources
    .filter((r) => r.updateFrequency === null)
    .map((r) => ({
      code: "NO_UPDATE_FREQUENCY" as const,
      subject: r.name,
      owner: r.owner,
      message: "has no @resource(updateFrequency: …): its update frequency is not stated (Art. 7(2), 10)",
    }));
}
