import { registerEnumType } from "../_kit/type-graphql.js";

// The share spec's enums as type-graphql knows them; the subgraph builder checks they are
// the spec's own (directives/share/definition.ts) and does not print them twice.
export enum SharePurpose {
  ADMINISTRATIVE_BASIS = "ADMINISTRATIVE_BASIS",
  WORK_REFERENCE = "WORK_REFERENCE",
  DATA_VERIFICATION = "DATA_VERIFICATION",
  BUSINESS_COLLABORATION = "BUSINESS_COLLABORATION",
}
export enum ShareClass {
  UNCONDITIONAL = "UNCONDITIONAL",
  CONDITIONAL = "CONDITIONAL",
  NOT_SHARED = "NOT_SHARED",
}
export enum ShareDecision {
  ALLOWED = "ALLOWED",
  MASKED = "MASKED",
  DENIED = "DENIED",
}
registerEnumType(SharePurpose, { name: "SharePurpose" });
registerEnumType(ShareClass, { name: "ShareClass" });
registerEnumType(ShareDecision, { name: "ShareDecision" });
