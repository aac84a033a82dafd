import { CatalogChangeResolver } from "./catalog-change.resolver.js";
import { CatalogResolver } from "./catalog.resolver.js";
import { DataIssueResolver } from "./data-issue.resolver.js";
import { EvaluationResolver } from "./evaluation.resolver.js";
import { OutcomeResolver } from "./outcome.resolver.js";

/** The resolvers of the catalog's versions (Art. 10–14), quality feedback (Art. 7(4), 8) and evaluations (Art. 28). */
export const OVERSIGHT_RESOLVERS = [CatalogResolver, CatalogChangeResolver, DataIssueResolver, OutcomeResolver, EvaluationResolver] as const;
