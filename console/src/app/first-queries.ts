import type { Credentials } from "../api/client.js";
import { prefetchQuery } from "../api/use-query.js";
import { logPageVariables, stateFrom } from "../views/security/filter.js";
import { ACCESS_LOG } from "../views/security/queries.js";
import type { Route } from "./router.js";

/**
 * The query a view asks first and alone, sent at start beside the sign-in check rather than
 * after it: the access log's page (its first rows are what the security team waits for).
 */
export function prefetchFirstQuery(route: Route, credentials: Credentials): void {
  if (route.view === "security") prefetchQuery(credentials, ACCESS_LOG, logPageVariables(stateFrom(route.params)));
}
