import type { IncomingMessage } from "node:http";
import { HttpError } from "../../server/http-error.js";

/**
 * The longest client-chosen string that goes into an audit record (operation name, client
 * name and version). Every record of a request repeats them, so without a bound one request
 * could write its 1 MiB body into the log once per field it touches.
 */
export const MAX_CLIENT_STRING = 256;

const HEADERS = ["apollographql-client-name", "apollographql-client-version"] as const;

/** Refuses (400 BAD_REQUEST), before anything is decided or logged, a request whose logged strings are over the bound. */
export function checkClientStrings(req: IncomingMessage, body: unknown): void {
  for (const name of HEADERS) {
    const value = req.headers[name];
    if (typeof value === "string" && value.length > MAX_CLIENT_STRING) throw tooLong(`the ${name} header`);
  }
  const operationName = (body as { operationName?: unknown } | null)?.operationName;
  if (typeof operationName === "string" && operationName.length > MAX_CLIENT_STRING) throw tooLong("operationName");
}

function tooLong(what: string): HttpError {
  return new HttpError(400, "BAD_REQUEST", `${what} is over ${MAX_CLIENT_STRING} characters`);
}
