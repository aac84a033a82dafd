import { SHARE_SPEC_URL } from "../../directives/share/definition.js";

export const FEDERATION_SPEC_URL = "https://specs.apollo.dev/federation/v2.9";

/**
 * The `extend schema` every ecofed subgraph starts with. `@composeDirective` is what keeps
 * `@share` and `@resource` in the supergraph: linked but not composed, their uses are dropped silently.
 */
export const SUBGRAPH_SCHEMA_HEADER = `
extend schema
  @link(url: "${FEDERATION_SPEC_URL}", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@composeDirective", "@listSize", "@cost"])
  @link(url: "${SHARE_SPEC_URL}", import: ["@share", "@resource"])
  @composeDirective(name: "@share")
  @composeDirective(name: "@resource")
`;
