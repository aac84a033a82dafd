import { extendSchema, parse, type GraphQLSchema } from "graphql";
import { SHARE_DEFINITIONS_SDL } from "../../directives/share/definition.js";

/** Root fields the gateway answers itself: never planned, never sent to a unit. */
export const LOCAL_ROOT_FIELDS: ReadonlySet<string> = new Set(["Query.explain", "Query.explainCost", "Query.whoami"]);

const EXPLAIN_SDL = `
"One field coordinate of an operation, decided for the requester without running it."
type ShareFieldDecision {
  coordinate: String!
  owner: String!
  shareClass: ShareClass
  decision: ShareDecision!
  reason: String!
  grantId: ID
  "Where to apply when the field is not (wholly) served."
  apply: ShareApplyHint
}
type ShareApplyHint { provider: String! coordinates: [String!]! }
"How much of one of the gateway's operation limits an operation uses; past max it is refused (OPERATION_LIMIT)."
type OperationLimitUse { name: String! max: Int! actual: Int! }
"An operation measured against the gateway's limits, without running it."
type OperationCost {
  depth: Int!
  "Estimated: a field costs 1, a list multiplies what it selects by its size argument, its @listSize or the default."
  cost: Int!
  limits: [OperationLimitUse!]!
}
"What proved a requester's identity to the gateway."
enum CredentialKind { TOKEN CERTIFICATE }
"The requester as the gateway authenticated it: what every decision and audit record of the request names."
type Whoami {
  "The unit code as issued in the token or certificate."
  unit: String!
  principal: String!
  roles: [String!]!
  "The request's X-Share-Purpose; null when it sent none."
  purpose: SharePurpose
  credential: CredentialKind!
}
extend type Query {
  "Who the gateway takes you for on this request (a console shows it; nothing is planned or sent to a unit)."
  whoami: Whoami!
  "How each field of an operation would be decided for you, and where to apply, without running it."
  explain(query: String!, purpose: SharePurpose): [ShareFieldDecision!]!
  "How much of each operation limit an operation uses, without running it."
  explainCost(query: String!): OperationCost!
}`;

/** The API schema with the gateway's own fields; share types the supergraph lacks are added. */
export function withExplain(apiSchema: GraphQLSchema): GraphQLSchema {
  const missing = parse(SHARE_DEFINITIONS_SDL).definitions.filter(
    (d) => d.kind !== "DirectiveDefinition" && "name" in d && d.name && !apiSchema.getType(d.name.value),
  );
  const decision = apiSchema.getType("ShareDecision") ? "" : "enum ShareDecision { ALLOWED MASKED DENIED }";
  return extendSchema(apiSchema, {
    kind: parse(EXPLAIN_SDL).kind,
    definitions: [...missing, ...parse(`${decision}\n${EXPLAIN_SDL}`).definitions],
  } as Parameters<typeof extendSchema>[1]);
}
