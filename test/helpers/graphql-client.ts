export interface GraphQLResponse {
  status: number;
  headers: Headers;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  };
}

/** POSTs one GraphQL operation over real HTTP. */
export async function postGraphQL(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
  operationName?: string,
): Promise<GraphQLResponse> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables, ...(operationName !== undefined ? { operationName } : {}) }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as GraphQLResponse["body"] };
}

/** `[code, path]` pairs of a response's errors, for exact comparison. */
export function errorCodes(body: GraphQLResponse["body"]): [unknown, string][] {
  return (body.errors ?? []).map((e) => [e.extensions?.["code"], (e.path ?? []).join(".")]);
}
