import { expect } from "vitest";
import type { ConsoleHarness } from "./console-harness.js";

/** An answer as a test reads it: what the page is compared with, sent as any client sends it. */
export interface Sent<T> {
  readonly status: number;
  readonly requestId: string;
  readonly data: T;
  readonly errors: readonly {
    readonly message: string;
    readonly extensions?: { readonly code?: string; readonly share?: { readonly coordinate: string; readonly reason: string } };
  }[];
}

/** One operation over HTTP to the harness's gateway, with a token and a purpose, whatever it answers. */
export async function send<T>(h: ConsoleHarness, token: string, query: string, variables: Record<string, unknown> = {}, purpose = "WORK_REFERENCE"): Promise<Sent<T>> {
  const res = await fetch(`${h.base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "x-share-purpose": purpose },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data: T; errors?: Sent<T>["errors"] };
  return { status: res.status, requestId: res.headers.get("x-request-id") ?? "", data: body.data, errors: body.errors ?? [] };
}

/** An answer the test relies on: 200 and no error at all. */
export async function ask<T>(h: ConsoleHarness, token: string, query: string, variables: Record<string, unknown> = {}, purpose = "WORK_REFERENCE"): Promise<T> {
  const sent = await send<T>(h, token, query, variables, purpose);
  expect(sent.errors).toEqual([]);
  expect(sent.status).toBe(200);
  return sent.data;
}
