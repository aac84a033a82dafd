import type { GraphiQLProps } from "graphiql";
import { GRAPHQL_PATH, requestHeaders, type AnswerError, type Credentials } from "../../api/client.js";

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
    const introspection = params.operationName === INTROSPECTION;
    const failed = (status: number, requestId: string | null, error: AnswerError): FetchResult => {
      if (!introspection) onRun({ status, requestId, errors: [error] });
      return { errors: [error] } as unknown as FetchResult;
    };
    let res: Response;
    try {
      res = await fetch(GRAPHQL_PATH, { method: "POST", headers: requestHeaders(credentials()), body: JSON.stringify(params) });
    } catch (error) {
      return failed(0, null, { message: `The gateway cannot be reached: ${(error as Error).message}`, extensions: { code: "NETWORK" } });
    }
    const requestId = res.headers.get("x-request-id");
    let body: { data?: unknown; errors?: AnswerError[]; extensions?: unknown };
    try {
      body = (await res.json()) as typeof body;
    } catch {
      return failed(res.status, requestId, { message: `The gateway answered ${res.status} without JSON`, extensions: { code: "BAD_RESPONSE" } });
    }
    if (!introspection) onRun({ status: res.status, requestId, errors: body.errors ?? [] });
    return body as FetchResult;
  };
}
