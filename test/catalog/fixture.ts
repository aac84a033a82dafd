import { SHARE_DEFINITIONS_SDL } from "../../directives/share/definition.js";
import { composeSupergraph } from "../../schema/compose.js";

/** The header every fixture subgraph starts with: both share-spec directives linked and composed. */
export const FIXTURE_HEADER = `extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@inaccessible", "@composeDirective"])
  @link(url: "https://ecofed.dev/share/v1.0", import: ["@share", "@resource"])
  @composeDirective(name: "@share")
  @composeDirective(name: "@resource")
${SHARE_DEFINITIONS_SDL}`;

/**
 * A small federation with the catalog's edge cases: a type-level @share default, a field
 * that overrides it, an @inaccessible field, a connection, a jointly built entity without
 * @resource and with an unclassified field.
 */
export const LAB_SDL = `
type Query {
  samples: [Sample!]! @share(class: UNCONDITIONAL)
  samplePage(first: Int, after: String): SampleConnection! @share(class: UNCONDITIONAL)
  sampleCount: Int @share(class: UNCONDITIONAL)
}
"""A water sample, as the lab analyses it."""
type Sample @share(class: CONDITIONAL, conditions: { scope: ["water"], approval: true }) @resource(updateFrequency: DAILY, category: "水环境管理") {
  id: ID!
  """Concentration, mg/L; "n.d." below the limit, as 中文 reports say."""
  value: Float
  analyst: String @share(class: NOT_SHARED, basis: "个人信息保护法 第三十四条")
  note: String @share(class: UNCONDITIONAL)
  internalCode: String @inaccessible
  station: Station
}
type SampleConnection @share(class: UNCONDITIONAL) { nodes: [Sample!]! pageInfo: PageInfo! totalCount: Int! }
type PageInfo @shareable @share(class: UNCONDITIONAL) { hasNextPage: Boolean! }
type Station @key(fields: "id") { id: ID! @share(class: UNCONDITIONAL) name: String code: String @share(class: UNCONDITIONAL) }
`;

export const FIELD_SDL = `
type Station @key(fields: "id") { id: ID! @share(class: UNCONDITIONAL) depth: Float @share(class: UNCONDITIONAL) }
`;

/** Composes fixture subgraphs (name → SDL without header) into a supergraph, or throws. */
export function composeFixture(subgraphs: Readonly<Record<string, string>>): string {
  const composed = composeSupergraph(Object.entries(subgraphs).map(([name, body]) => ({ name, url: `http://${name}`, sdl: `${FIXTURE_HEADER}\n${body}` })));
  if (!composed.ok) throw new Error(composed.errors.join("\n"));
  return composed.supergraphSdl;
}

export const fixtureSupergraph = (): string => composeFixture({ lab: LAB_SDL, field: FIELD_SDL });
