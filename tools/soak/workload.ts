import type { SeededRandom } from "./seeded-random.js";

/**
 * What the soak's clients send: several requesters (internal units and an external
 * department), several purposes (and none), and queries that are allowed, partly denied or
 * masked for some requesters (CONTRACT §4–5), refused by the operation limits, or invalid.
 */

/** Who asks. Each gets a token of its own from `ecofed token`. */
export const REQUESTER_UNITS = ["atmosphere", "water", "soil", "permits", "info-center", "enforcement", "nuclear", "ext:customs"] as const;

/** X-Share-Purpose, or none at all (another unit's fields are then denied PURPOSE_REQUIRED). */
export const PURPOSES = ["DATA_VERIFICATION", "WORK_REFERENCE", "BUSINESS_COLLABORATION", "ADMINISTRATIVE_BASIS", null] as const;

/** `data`: answered 200 and audited field by field; `limit`: refused 400 OPERATION_LIMIT, one audit record; `invalid`: 400, nothing audited. */
export type TemplateKind = "data" | "limit" | "invalid";

/** The demo data a query's variables are drawn from. */
export interface VariablePool {
  /** Enterprises with inspections (at least one on a complaint, with its informant). */
  readonly creditCodes: readonly string[];
  /** Province-level divisions that have enterprises. */
  readonly divisionCodes: readonly string[];
}

export interface QueryTemplate {
  readonly name: string;
  readonly kind: TemplateKind;
  readonly query: string;
  readonly variables: (pool: VariablePool, rng: SeededRandom) => Record<string, unknown>;
  /** How often it is sent, relative to the others. */
  readonly weight: number;
}

const none = (): Record<string, unknown> => ({});
const enterprise = (pool: VariablePool, rng: SeededRandom): Record<string, unknown> => ({ c: rng.pick(pool.creditCodes) });
const division = (pool: VariablePool, rng: SeededRandom): Record<string, unknown> => ({ d: rng.pick(pool.divisionCodes) });

/** `levels` more levels of the contaminatedSites ↔ enterprise cycle under the root one: 14 is past the depth limit (12). */
function deepCycle(levels: number): string {
  let selection = "name";
  // Built inside out; the level right under the root ContaminatedSite is its enterprise.
  for (let i = levels - 1; i >= 0; i--) selection = `${i % 2 === 0 ? "enterprise" : "contaminatedSites"} { ${selection} }`;
  return `{ contaminatedSites { ${selection} } }`;
}

/** 101 aliases of one field: past the alias limit (100), within every other. */
function aliasFlood(count: number): string {
  return `query ($c: ID!) { enterprise(creditCode: $c) { ${Array.from({ length: count }, (_, i) => `a${i}: name`).join(" ")} } }`;
}

export const TEMPLATES: readonly QueryTemplate[] = [
  {
    // README: one enterprise joined across five units; every field UNCONDITIONAL.
    name: "enterprise-joined",
    kind: "data",
    query: `query ($c: ID!) { enterprise(creditCode: $c) { creditCode name division { name } permit { permitNumber category validUntil } penalties { decisionNumber decidedOn amountYuan violation } emissions { month pollutant tonnes } outfalls { name section { name } } } }`,
    variables: enterprise,
    weight: 12,
  },
  {
    // Inspections: CONDITIONAL (atmosphere, water, soil; two purposes); the informant NOT_SHARED; the legal representative masked outside permits and enforcement.
    name: "enterprise-inspections",
    kind: "data",
    query: `query ($c: ID!) { enterprise(creditCode: $c) { creditCode name legalRepresentative inspections { id date kind result inspector informant } } }`,
    variables: enterprise,
    weight: 14,
  },
  {
    name: "enterprises-page",
    kind: "data",
    query: `query ($d: String) { enterprises(divisionCode: $d, first: 10) { totalCount nodes { creditCode name legalRepresentative inspections { id informant } } pageInfo { endCursor hasNextPage } } }`,
    variables: division,
    weight: 10,
  },
  {
    // Physical protection plans: NOT_SHARED (a state secret) for everyone but the nuclear unit.
    name: "nuclear-facilities",
    kind: "data",
    query: `{ nuclearFacilities { id name kind status physicalProtectionPlan } }`,
    variables: none,
    weight: 8,
  },
  {
    name: "air-stations",
    kind: "data",
    query: `query ($d: String) { airStations(divisionCode: $d) { name division { name } readings(last: 3) { at aqi primaryPollutant pm25 } } }`,
    variables: division,
    weight: 8,
  },
  {
    name: "water-soil",
    kind: "data",
    query: `query ($d: String) { waterSections(divisionCode: $d) { name river readings(last: 1) { at qualityClass } } contaminatedSites(divisionCode: $d) { name riskLevel enterprise { name legalRepresentative } } }`,
    variables: division,
    weight: 8,
  },
  { name: "limit-depth", kind: "limit", query: deepCycle(14), variables: none, weight: 4 },
  { name: "limit-aliases", kind: "limit", query: aliasFlood(101), variables: enterprise, weight: 4 },
  { name: "invalid-field", kind: "invalid", query: `{ divisions { code nope } }`, variables: none, weight: 3 },
  { name: "invalid-syntax", kind: "invalid", query: `{ divisions { code `, variables: none, weight: 3 },
];

/** `normal`, or a request the gateway must refuse before anything is decided: an unknown purpose (400 BAD_PURPOSE), a bad token (401). */
export type Variant = "normal" | "bad-purpose" | "bad-token";

export interface PlannedRequest {
  readonly template: QueryTemplate;
  readonly unit: string;
  readonly purpose: string | null;
  readonly variant: Variant;
  readonly body: string;
}

/** The (template, requester, purpose) a request belongs to: its fields are decided alike. */
export function groupOf(template: string, unit: string, purpose: string | null): string {
  return `${template}|${unit}|${purpose ?? "-"}`;
}

/** The next request of a client's mix. */
export function nextRequest(rng: SeededRandom, pool: VariablePool): PlannedRequest {
  const template = rng.weighted(TEMPLATES.map((t) => [t, t.weight] as const));
  const variant = rng.weighted<Variant>([
    ["normal", 93],
    ["bad-purpose", 4],
    ["bad-token", 3],
  ]);
  const unit = rng.pick(REQUESTER_UNITS);
  const purpose = variant === "bad-purpose" ? "NOT_A_PURPOSE" : rng.pick(PURPOSES);
  const body = JSON.stringify({ query: template.query, variables: template.variables(pool, rng) });
  return { template, unit, purpose, variant, body };
}
