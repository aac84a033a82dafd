import type { ErrorCode } from "../schema/errors.js";

/**
 * A request refused before GraphQL runs (bad credentials, bad purpose): answered with its
 * HTTP status and one coded error, by `listenGraphQL`.
 */
export class HttpError extends Error {
  readonly extensions: { readonly code: ErrorCode };

  constructor(
    readonly httpStatus: number,
    code: ErrorCode,
    message: string,
    /** Sent with the answer: some statuses are incomplete without one (`Allow` on a 405, RFC 9110 §15.5.6). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.extensions = { code };
  }
}

/** No, bad or expired credentials: HTTP 401 (CONTRACT §2). */
export function unauthenticated(message: string): HttpError {
  return new HttpError(401, "UNAUTHENTICATED", message);
}
