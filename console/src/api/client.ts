/**
 * The console's only way to the data: the gateway's public GraphQL API, with the headers any
 * dashboard would send (issue 16: no private back door). Same origin, so no CORS.
 */
export const PURPOSES = ["WORK_REFERENCE", "ADMINISTRATIVE_BASIS", "DATA_VERIFICATION", "BUSINESS_COLLABORATION"] as const;
export type Purpose = (typeof PURPOSES)[number];

export interface ShareApply {
  readonly provider: string;
  readonly coordinates: readonly string[];
}

export interface AnswerError {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly extensions?: {
    readonly code?: string;
    readonly share?: { readonly coordinate: string; readonly owner: string; readonly reason: string; readonly apply?: ShareApply };
    readonly [key: string]: unknown;
  };
}

export interface Answer<T> {
  readonly status: number;
  readonly data: T | null;
  readonly errors: readonly AnswerError[];
  /** The gateway's X-Request-Id: the audit records of this request carry it. */
  readonly requestId: string | null;
}

/** Who is asking: a token (null: the browser's client certificate, under --tls) and the declared purpose. */
export interface Credentials {
  readonly token: string | null;
  readonly purpose: Purpose;
}

export const GRAPHQL_PATH = "/graphql";

export function requestHeaders(credentials: Credentials): Record<string, string> {
  return {
    "content-type": "application/json",
    accept: "application/json",
    "x-share-purpose": credentials.purpose,
    ...(credentials.token ? { authorization: `Bearer ${credentials.token}` } : {}),
  };
}

/** What the gateway answered one POST, as it sent it; a failure to reach or read it is a coded error. */
export interface Posted {
  readonly status: number;
  readonly requestId: string | null;
  readonly body: { readonly data?: unknown; readonly errors?: readonly AnswerError[]; readonly extensions?: unknown };
}

/** One POST of a GraphQL request body to the gateway with the session's headers (GraphiQL's too). */
export async function post(credentials: Credentials, request: unknown): Promise<Posted> {
  let res: Response;
  try {
    res = await fetch(GRAPHQL_PATH, { method: "POST", headers: requestHeaders(credentials), body: JSON.stringify(request) });
  } catch (error) {
    return { status: 0, requestId: null, body: { errors: [{ message: `The gateway cannot be reached: ${(error as Error).message}`, extensions: { code: "NETWORK" } }] } };
  }
  const requestId = res.headers.get("x-request-id");
  try {
    return { status: res.status, requestId, body: (await res.json()) as Posted["body"] };
  } catch {
    return { status: res.status, requestId, body: { errors: [{ message: `The gateway answered ${res.status} without JSON`, extensions: { code: "BAD_RESPONSE" } }] } };
  }
}

export async function ask<T>(credentials: Credentials, query: string, variables: Record<string, unknown> = {}): Promise<Answer<T>> {
  const { status, requestId, body } = await post(credentials, { query, variables });
  return { status, data: (body.data ?? null) as T | null, errors: body.errors ?? [], requestId };
}

/** The SHARE_DENIED errors of an answer, one per denied field occurrence (CONTRACT §4). */
export function denials(answer: Answer<unknown>): AnswerError[] {
  return answer.errors.filter((e) => e.extensions?.code === "SHARE_DENIED");
}

/** What to apply for to open every denied field of an answer, per provider. */
export function applyHints(answer: Answer<unknown>): ShareApply[] {
  const byProvider = new Map<string, Set<string>>();
  for (const e of denials(answer)) {
    const apply = e.extensions?.share?.apply;
    if (!apply) continue;
    const set = byProvider.get(apply.provider) ?? new Set<string>();
    for (const c of apply.coordinates) set.add(c);
    byProvider.set(apply.provider, set);
  }
  return [...byProvider].map(([provider, coordinates]) => ({ provider, coordinates: [...coordinates].sort() }));
}
