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
  ) {
    super(message);
    this.extensions = { code };
  }
}

/** No, bad or expired credentials: HTTP 401 (CONTRACT §2). */
export function unauthenticated(message: string): HttpError {
  return new HttpError(401, "UNAUTHENTICATED", message);
}
