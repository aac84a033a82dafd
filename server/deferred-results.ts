const TICKET = "\u0000ecofed-deferred-result:";

const waiting = new Map<string, unknown>();
let issued = 0;

/**
 * For ApolloServer's `stringifyResult`: instead of one long JSON string, a ticket that
 * `listenGraphQL` redeems for the result itself and writes in pieces (json-pieces.ts). Apollo
 * passes the returned string through untouched as the HTTP body, and `listenGraphQL` is the
 * only thing that writes ecofed's HTTP bodies.
 */
export function deferStringify(result: unknown): string {
  const ticket = `${TICKET}${++issued}`;
  waiting.set(ticket, result);
  return ticket;
}

/** The result a body string stands for, taken (a ticket is redeemed once); `undefined` for an ordinary body. */
export function redeemDeferred(body: string): { readonly result: unknown } | undefined {
  if (!body.startsWith(TICKET)) return undefined;
  const result = waiting.get(body);
  if (!waiting.delete(body)) throw new Error(`deferred result ${body.slice(1)} was already written or never issued`);
  return { result };
}

/** How many results wait to be written (diagnosis, tests: it returns to 0 between requests). */
export function deferredWaiting(): number {
  return waiting.size;
}
