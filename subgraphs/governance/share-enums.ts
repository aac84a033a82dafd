import type { ShareDecision as Decision } from "../../directives/share/evaluate.js";
import { UPDATE_FREQUENCIES } from "../../directives/share/definition.js";
import { SHARE_CLASSES, type ShareMask as Mask } from "../../directives/share/rule.js";
import { graphqlEnum } from "./graphql-enum.js";

// The share spec's enums as the catalog's types use them; the subgraph builder checks they
// are the spec's own and does not print them twice.
export const ShareClass = graphqlEnum("ShareClass", SHARE_CLASSES);
export const ShareMask = graphqlEnum("ShareMask", ["NONE", "PARTIAL"] as const satisfies readonly Mask[]);
export const UpdateFrequency = graphqlEnum("UpdateFrequency", UPDATE_FREQUENCIES);
// Not the spec's: the audit unit defines it with the same values, which compose as one enum.
export const ShareDecision = graphqlEnum("ShareDecision", ["ALLOWED", "MASKED", "DENIED"] as const satisfies readonly Decision[]);
