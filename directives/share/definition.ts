/** The `@share` spec's URL and version (CONTRACT §3). */
export const SHARE_SPEC_URL = "https://ecofed.dev/share/v1.0";

/**
 * How often a resource's data is updated (Art. 7(2), 10: the catalog states it; Art. 29(2):
 * data older than it is stale). `EVERY_4_HOURS` is the national surface-water stations' cycle.
 */
export const UPDATE_FREQUENCIES = ["REALTIME", "HOURLY", "EVERY_4_HOURS", "DAILY", "MONTHLY", "QUARTERLY", "YEARLY", "ON_CHANGE"] as const;
export type UpdateFrequency = (typeof UPDATE_FREQUENCIES)[number];

/**
 * The directives and their types: `@share` exactly as CONTRACT §3 has it, and `@resource`,
 * the catalog metadata of a type (Art. 10) — declared by the unit that leads the resource
 * (Art. 13) only, since composition keeps one type-level use and drops the others silently.
 * Every subgraph ships this one text: definitions that differ between subgraphs compose
 * silently (FEDERATION-NOTES).
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
enum UpdateFrequency { ${UPDATE_FREQUENCIES.join(" ")} }
directive @resource(updateFrequency: UpdateFrequency!, category: String) on OBJECT
`;
