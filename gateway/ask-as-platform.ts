import { ASSERTION_HEADER } from "../schema/request-assertion.js";
import { platformAssertion } from "./identity/assertion.js";
import type { PlatformKey } from "./identity/platform-key.js";

export interface PlatformAnswer {
  readonly status: number;
  readonly body: { data?: Record<string, unknown> | null; errors?: { message: string }[] };
}

/**
 * One operation sent to a unit by the platform itself (composition, the supergraph
 * hand-over): signed as the platform for exactly the coordinates it reads, since units
 * answer nobody else and refuse anything beyond them.
 */
export async function askAsPlatform(
  unit: string,
  url: string,
  key: PlatformKey,
  principal: string,
  operation: { readonly query: string; readonly variables?: Record<string, unknown>; readonly coordinates: readonly string[] },
): Promise<PlatformAnswer> {
  const request = { query: operation.query, variables: operation.variables ?? {} };
  const assertion = await platformAssertion(key, principal, { unit, request, coordinates: operation.coordinates });
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", [ASSERTION_HEADER]: assertion },
    body: JSON.stringify(request),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: res.status, body: (await res.json()) as PlatformAnswer["body"] };
}
