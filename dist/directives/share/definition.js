/** The `@share` spec's URL and version (CONTRACT §3). */
export const SHARE_SPEC_URL = "https://ecofed.dev/share/v1.0";
/**
 * The directive and its types, exactly as CONTRACT §3 has them. Every subgraph ships this
 * one text: definitions that differ between subgraphs compose silently (FEDERATION-NOTES).
 */
export const SHARE_DEFINITIONS_SDL = `
enum ShareClass { UNCONDITIONAL CONDITIONAL NOT_SHARED }
enum SharePurpose { ADMINISTRATIVE_BASIS WORK_REFERENCE DATA_VERIFICATION BUSINESS_COLLABORATION }
enum ShareMask { NONE PARTIAL }
input ShareConditions {
  scope: [String!]
  purposes: [SharePurpose!]
  approval: Boolean
  mask: ShareMask
}
directive @share(class: ShareClass!, conditions: ShareConditions, basis: String) on FIELD_DEFINITION | OBJECT
`;
//# sourceMappingURL=definition.js.map