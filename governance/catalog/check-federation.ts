import { lintSubgraphs, type LintSubgraph } from "../../directives/share/lint.js";
import { composeSupergraph } from "../../schema/compose.js";
import { buildCatalog } from "./build-catalog.js";
import type { CatalogFinding } from "./catalog.js";

export interface FederationChecks {
  /** What blocks: `ecofed lint` exits 1 and `npm start` refuses on any. One line each. */
  readonly problems: readonly string[];
  /** What the leading group reviews (Art. 16 exceptions): warnings, one line each. */
  readonly flags: readonly string[];
  /** The composed supergraph, when the subgraphs compose. */
  readonly supergraphSdl: string | null;
}

/**
 * The one set of checks lint, start and the catalog share (issue 15 §3): each subgraph's SDL
 * as it states its classification (what composition would lose), then the catalog of what
 * they compose to — its problems block like the SDL's, its flags only warn.
 */
export function checkFederation(subgraphs: readonly (LintSubgraph & { readonly url: string })[]): FederationChecks {
  const own = lintSubgraphs(subgraphs);
  const composed = composeSupergraph(subgraphs);
  if (!composed.ok) return { problems: [...own, ...composed.errors.map((e) => `composition: ${e}`)], flags: [], supergraphSdl: null };
  const catalog = buildCatalog(composed.supergraphSdl);
  // A field the SDL check already named (an unclassified one) is not named twice.
  const named = (subject: string): boolean => own.some((line) => line.includes(`: ${subject}: `));
  return {
    problems: [...own, ...catalog.problems.filter((p) => !named(p.subject)).map(findingLine)],
    flags: catalog.flags.map(findingLine),
    supergraphSdl: composed.supergraphSdl,
  };
}

/** `<owner>: <subject>: <message> (<code>)`, as the SDL check words its lines. */
export function findingLine(finding: CatalogFinding<string>): string {
  return `${finding.owner ?? "federation"}: ${finding.subject}: ${finding.message} (${finding.code})`;
}
