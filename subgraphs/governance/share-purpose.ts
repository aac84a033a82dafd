import { SHARE_PURPOSES } from "../../directives/share/rule.js";
import { graphqlEnum } from "./graphql-enum.js";

// The share spec's purposes as this unit's types use them; the subgraph builder checks they
// are the spec's own and does not print them twice.
export const SharePurpose = graphqlEnum("SharePurpose", SHARE_PURPOSES);
