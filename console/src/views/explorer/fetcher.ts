import type { GraphiQLProps } from "graphiql";
import { post, type AnswerError, type Credentials } from "../../api/client.js";

type Fetcher = GraphiQLProps["fetcher"];
type FetchResult = Extract<Awaited<ReturnType<Fetcher>>, { errors?: unknown }>;

/** What the explorer shows of the last operation the user ran (not of GraphiQL's own introspection). */
export interface RunRecord {
  readonly status: number;
  readonly requestId: string | null;
  readonly errors: readonly AnswerError[];
}

// GraphiQL's own schema query: the docs and completion, not something the user ran.
const INTROSPECTION = "IntrospectionQuery";

/**
 * GraphiQL's fetcher as the signed-in session: the credentials are read at each request, so a
 * purpose picked in the top bar applies to the next run without re-creating the editor.
 */
export function sessionFetcher(credentials: () => Credentials, onRun: (run: RunRecord) => void): Fetcher {
  return async (params) => {
    const { status, requestId, body } = await post(credentials(), params);
    if (params.operationName !== INTROSPECTION) onRun({ status, requestId, errors: body.errors ?? [] });
    return body as FetchResult;
  };
}
